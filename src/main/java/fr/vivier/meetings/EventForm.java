package fr.vivier.meetings;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An event as staff type it; {@link EventService} checks how the fields go together. */
@Introspected
@Serdeable
public record EventForm(
    @Size(max = 32) @Nullable String type,
    @Size(max = 200, message = "Le titre ne doit pas dépasser 200 caractères.") @Nullable String titre,
    @Size(max = 5000, message = "La description ne doit pas dépasser 5 000 caractères.") @Nullable String description,
    @Size(max = 10, message = "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).") @Nullable String date,
    @Size(max = 5, message = "Heure invalide : par exemple 09:30.") @Nullable String debut,
    @Size(max = 5, message = "Heure invalide : par exemple 12:00.") @Nullable String fin,
    @Size(max = 300, message = "L’adresse ne doit pas dépasser 300 caractères.") @Nullable String adresse,
    @Size(max = 100, message = "La commune ne doit pas dépasser 100 caractères.") @Nullable String commune,
    @Size(max = 5) @Nullable String communeCode,
    @Size(max = 500, message = "Le lien ne doit pas dépasser 500 caractères.") @Nullable String lien,
    @Size(max = 6, message = "La capacité est un nombre de places, par exemple 40.") @Nullable String capacite,
    @Size(max = 10, message = "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).") @Nullable String dateLimite,
    @Size(max = 40, message = "Choisissez au plus 40 secteurs.") @Nullable List<@Size(max = 80) String> secteurs,
    @Size(max = 4) @Nullable List<@Size(max = 16) String> types,
    @Size(max = 3) @Nullable String territoire,
    @Size(max = 30, message = "Choisissez au plus 30 lignes de programmation.") @Nullable List<@Size(max = 19) String> lignes,
    @Size(max = 200, message = "L’organisateur ne doit pas dépasser 200 caractères.") @Nullable String organisateur) {

    /** The field names in the order of the form, so that the error summary follows it. */
    static final List<String> FIELDS = List.of("type", "titre", "description", "date", "debut", "fin", "adresse", "commune", "lien",
        "capacite", "dateLimite", "secteurs", "types", "lignes", "organisateur");

    static EventForm empty() {
        return new EventForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean hasSector(String code) {
        return secteurs != null && secteurs.contains(code);
    }

    public boolean hasKind(String family) {
        return types != null && types.contains(family);
    }

    public boolean hasLine(long id) {
        return lignes != null && lignes.contains(String.valueOf(id));
    }

    public boolean local() {
        return territoire != null && !territoire.isBlank();
    }
}
