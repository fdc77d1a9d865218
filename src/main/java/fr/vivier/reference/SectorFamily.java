package fr.vivier.reference;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A group of the sector taxonomy with its sectors, as forms list them (a family to open, an optgroup). */
public record SectorFamily(String label, List<Sector> sectors) {
    /** How many of this family's sectors are among {@code chosen} (the picker opens the family and says so when some are). */
    public long selectedIn(@Nullable List<String> chosen) {
        return chosen == null ? 0 : sectors.stream().filter(sector -> chosen.contains(sector.code())).count();
    }
}
