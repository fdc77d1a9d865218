package fr.vivier.programming;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** « Ça me concerne » as typed: the role, the line or one of its lots, a message, and whether the others may see it. */
@Introspected
@Serdeable
public record InterestForm(
    @NotBlank(message = "Choisissez comment vous êtes concerné : titulaire, co-traitant ou sous-traitant.")
    @Size(max = 16, message = "Choisissez un rôle dans la liste.")
    @Nullable String role,
    @Size(max = 20, message = "Choisissez un lot dans la liste.") @Nullable String lot,
    @Size(max = 2000, message = "Le message ne doit pas dépasser 2 000 caractères.") @Nullable String message,
    @Nullable String visible) {

    public static InterestForm empty() {
        return new InterestForm("", "", "", null);
    }

    public boolean visibleChecked() {
        return visible != null && !visible.isBlank();
    }
}
