package fr.vivier.programming;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.search.SupplierMatching;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The published suppliers a line concerns: one of its (or its lots') sectors, and an intervention area that covers
 * one of its places of execution (a supplier covering Est Ensemble, the 93 or the whole country covers Bondy).
 * SIAE/STPA/ESS come first when the line is reserved or has a social clause (the structures that can carry it).
 */
@Singleton
public class LineMatching {
    static final int SHOWN = 50;
    private static final long TIMEOUT_MILLIS = 1500;

    private final SupplierMatching matching;
    private final SupplierDirectory directory;
    private final PlaceAreas areas;

    LineMatching(SupplierMatching matching, SupplierDirectory directory, PlaceAreas areas) {
        this.matching = matching;
        this.directory = directory;
        this.areas = areas;
    }

    /** The first {@code limit} matching supplier ids; empty when search is unavailable. */
    public Optional<SupplierMatching.Matches> matches(ProgrammingLine line, int limit) {
        return matching.match(line.allSectors(), areas.covering(line.places()), socialEconomyFirst(line), limit, TIMEOUT_MILLIS);
    }

    /** What the staff page shows: the best matches with their summary, and how many there are in all. */
    public record ForStaff(boolean available, long total, List<SupplierSummary> suppliers) { }

    public ForStaff forStaff(ProgrammingLine line) {
        return matches(line, SHOWN).map(found -> new ForStaff(true, found.total(), directory.summaries(found.ids())))
            .orElse(new ForStaff(false, 0, List.of()));
    }

    static boolean socialEconomyFirst(ProgrammingLine line) {
        return line.reservation().reserved() || line.socialClause();
    }
}
