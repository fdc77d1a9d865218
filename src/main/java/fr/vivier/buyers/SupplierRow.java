package fr.vivier.buyers;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the supplier table buyers download (CSV or XLSX): public data of the structure, and the contact
 * person only when the structure consented to publish it (otherwise the contact cells stay empty).
 */
public record SupplierRow(
    long supplierId,
    String name,
    @Nullable String tradeName,
    String siret,
    String kind,
    boolean ess,
    String size,
    String commune,
    List<String> sectors,
    List<String> labels,
    @Nullable String website,
    String profileUrl,
    boolean contactPublished,
    @Nullable String contactName,
    @Nullable String contactRole,
    @Nullable String contactEmail,
    @Nullable String contactPhone) {

    static final List<String> HEADERS = List.of("Nom", "Nom commercial", "SIRET", "Type de structure", "ESS", "Taille",
        "Commune", "Secteurs d’activité", "Labels", "Site web", "Page Vivier", "Coordonnées publiées", "Contact",
        "Fonction", "Courriel", "Téléphone");

    List<String> cells() {
        return Arrays.asList(name, text(tradeName), siret, kind, ess ? "oui" : "non", size, commune,
            String.join(", ", sectors), String.join(", ", labels), text(website), profileUrl,
            contactPublished ? "oui" : "non", text(contactName), text(contactRole), text(contactEmail), text(contactPhone));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
