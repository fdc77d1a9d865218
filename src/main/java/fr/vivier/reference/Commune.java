package fr.vivier.reference;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A commune with the territories it belongs to (INSEE codes).
 *
 * @param normalisedName its name folded for comparisons (« saint denis » for Saint-Denis)
 */
public record Commune(String code, String name, String departementCode, String regionCode, @Nullable String epciCode,
                      @Nullable String eptCode, int population, List<String> postcodes, String normalisedName, String departementName) {

    /** « Bondy (93) », as the pages show a commune, and read back by {@link ReferenceData#findCommunes}. */
    public String displayName() {
        return name + " (" + departementCode + ")";
    }

    /** How a list of homonyms offers it: « Montreuil — Seine-Saint-Denis (93), 93100 ». */
    public String choiceLabel() {
        return name + " — " + departementName + " (" + departementCode + ")"
            + (postcodes.isEmpty() ? "" : ", " + String.join(", ", postcodes));
    }

    /** Its EPT in the Grand Paris, otherwise its EPCI. */
    public @Nullable String intercommunalityCode() {
        return eptCode != null ? eptCode : epciCode;
    }
}
