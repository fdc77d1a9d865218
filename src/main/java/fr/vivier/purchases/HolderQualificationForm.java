package fr.vivier.purchases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** What staff know of a holder outside the directory: its name, kind, size, and whether it is ESS and on our territory. */
@Introspected
@Serdeable
public record HolderQualificationForm(
    @Size(max = 300, message = "Le nom ne doit pas dépasser 300 caractères.") @Nullable String nom,
    @Size(max = 16) @Nullable String type,
    @Size(max = 4) @Nullable String taille,
    @Size(max = 4) @Nullable String ess,
    @Size(max = 4) @Nullable String local) {

    static HolderQualificationForm empty() {
        return new HolderQualificationForm("", "", "", null, null);
    }
}
