package fr.vivier.sourcing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The suppliers of a < 40 k€ shortlist that were consulted, and what the contacts have in common: one entry each. */
@Introspected
@Serdeable
public record ConsultationsForm(
    @Size(max = 19) @Nullable String liste,
    @Nullable List<String> fournisseur,
    @Size(max = 160, message = "Le nom de la direction ne doit pas dépasser 160 caractères.") @Nullable String direction,
    @Size(max = 10, message = "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).") @Nullable String date,
    @Size(max = 24) @Nullable String canal,
    @Size(max = 300, message = "L’objet ne doit pas dépasser 300 caractères.") @Nullable String objet,
    @Size(max = 24) @Nullable String issue,
    @Size(max = 4000, message = "Les notes ne doivent pas dépasser 4 000 caractères.") @Nullable String notes) {

    List<String> suppliers() {
        return fournisseur == null ? List.of() : fournisseur;
    }

    /** The entry of one supplier. */
    JournalEntryForm entryFor(String supplierId) {
        return new JournalEntryForm(supplierId, null, null, direction, date, canal, objet, null, null, liste, null, issue, notes);
    }
}
