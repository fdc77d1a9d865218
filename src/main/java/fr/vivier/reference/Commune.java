package fr.vivier.reference;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A commune with the territories it belongs to (INSEE codes).
 *
 * @param normalisedName its name folded for comparisons (« saint denis » for Saint-Denis)
 */
public record Commune(String code, String name, String departementCode, String regionCode, @Nullable String epciCode,
                      @Nullable String eptCode, int population, List<String> postcodes, String normalisedName) {

    /** « Bondy (93) », as the pages show a commune. */
    public String displayName() {
        return name + " (" + departementCode + ")";
    }

    /** Its EPT in the Grand Paris, otherwise its EPCI. */
    public @Nullable String intercommunalityCode() {
        return eptCode != null ? eptCode : epciCode;
    }
}
