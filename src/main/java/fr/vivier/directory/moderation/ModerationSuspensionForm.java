package fr.vivier.directory.moderation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** « Suspendre la fiche »: the reason is mailed to the structure's contact. */
@Introspected
@Serdeable
public record ModerationSuspensionForm(
    @NotBlank(message = "Indiquez le motif de la suspension : il est envoyé à la structure.")
    @Size(max = 1000, message = "Le motif ne doit pas dépasser 1000 caractères.")
    @Nullable String suspensionReason) {
}
