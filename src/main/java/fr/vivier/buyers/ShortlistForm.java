package fr.vivier.buyers;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The need for a purchase under 40 000 € HT, as typed; the commune is a name or postcode, resolved afterwards. */
@Introspected
@Serdeable
public record ShortlistForm(
    @NotBlank(message = "Indiquez l’objet de l’achat.")
    @Size(max = 200, message = "L’objet de l’achat ne doit pas dépasser 200 caractères.")
    @Nullable String object,
    @NotBlank(message = "Choisissez un secteur d’activité.")
    @Size(max = 80, message = "Choisissez un secteur d’activité dans la liste.")
    @Nullable String sector,
    @NotBlank(message = "Indiquez la commune d’exécution (nom ou code postal).")
    @Size(max = 100, message = "La commune d’exécution ne doit pas dépasser 100 caractères.")
    @Nullable String commune,
    @Size(max = 5) @Nullable String communeCode,
    @Size(max = 200, message = "Les mots-clés ne doivent pas dépasser 200 caractères.")
    @Nullable String keywords,
    @Nullable String socialFirst) {

    public static ShortlistForm empty() {
        return new ShortlistForm("", "", "", null, "", null);
    }

    /** The same need with the commune written as given (« Montreuil (93) » once chosen among homonyms). */
    ShortlistForm withCommune(String text) {
        return new ShortlistForm(object, sector, text, null, keywords, socialFirst);
    }

    public boolean socialFirstChecked() {
        return socialFirst != null && !socialFirst.isBlank();
    }
}
