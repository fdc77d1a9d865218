package fr.vivier.sourcing;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The recontact queue's typed read for the RECONTACT indicator: requests received in a year (dates in the
 * authority's zone), how many were answered so far, and the median delay from request to answer, by quarter.
 */
@Singleton
public class RecontactFigures {
    /** quarter 1 to 4, or 0 for the whole year; medianSeconds null when none was answered. */
    public record QuarterTally(int quarter, long received, long answered, @Nullable Long medianSeconds) {
        public Optional<Duration> medianDelay() {
            return Optional.ofNullable(medianSeconds).map(Duration::ofSeconds);
        }
    }

    private final RecontactFiguresRepository figures;

    RecontactFigures(RecontactFiguresRepository figures) {
        this.figures = figures;
    }

    /** The quarters that have requests, and the year (quarter 0) when any has. */
    @Transactional(readOnly = true)
    public List<QuarterTally> byQuarter(int year) {
        return figures.byQuarter(LocalDate.of(year, 1, 1).atStartOfDay(FrenchFormat.ZONE).toInstant(),
            LocalDate.of(year + 1, 1, 1).atStartOfDay(FrenchFormat.ZONE).toInstant(), FrenchFormat.ZONE.getId());
    }
}
