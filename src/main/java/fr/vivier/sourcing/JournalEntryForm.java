package fr.vivier.sourcing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * A journal entry as typed. {@code fournisseur}, {@code ligne}, {@code lot}, {@code liste} and {@code demande} are the ids
 * of where the contact was started from (supplier profile, programming line, shortlist, recontact request); the rules
 * that tie fields together live in {@link JournalService}.
 */
@Introspected
@Serdeable
public record JournalEntryForm(
    @Size(max = 19) @Nullable String fournisseur,
    @Size(max = 200, message = "Le nom de la structure ne doit pas dépasser 200 caractères.") @Nullable String nomFournisseur,
    @Size(max = 40, message = "Le SIRET compte 14 chiffres.") @Nullable String siret,
    @Size(max = 160, message = "Le nom de la direction ne doit pas dépasser 160 caractères.") @Nullable String direction,
    @Size(max = 10, message = "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).")
    @Nullable String date,
    @Size(max = 24) @Nullable String canal,
    @Size(max = 300, message = "L’objet ne doit pas dépasser 300 caractères.")
    @Nullable String objet,
    @Size(max = 19) @Nullable String ligne,
    @Size(max = 19) @Nullable String lot,
    @Size(max = 19) @Nullable String liste,
    @Size(max = 19) @Nullable String demande,
    @Size(max = 24) @Nullable String issue,
    @Size(max = 4000, message = "Les notes ne doivent pas dépasser 4 000 caractères.") @Nullable String notes) {

    /** The field names in the order of the form, so that the error summary follows it. */
    static final java.util.List<String> FIELDS = java.util.List.of("nomFournisseur", "siret", "direction", "date", "canal", "objet",
        "ligne", "lot", "liste", "issue", "notes");

    static JournalEntryForm empty() {
        return new JournalEntryForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

}
