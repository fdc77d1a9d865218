package fr.vivier.sourcing;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
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

    /** One request behind the figure (the drill-down): when it came, its topic, its state, and when it was answered. */
    public record Request(long id, String topic, Instant receivedAt, RecontactRequest.Status status, @Nullable Instant answeredAt) {
        public LocalDate receivedOn() {
            return LocalDate.ofInstant(receivedAt, FrenchFormat.ZONE);
        }

        public Optional<Duration> delay() {
            return Optional.ofNullable(answeredAt).map(answered -> Duration.between(receivedAt, answered));
        }
    }

    private final RecontactFiguresRepository figures;

    RecontactFigures(RecontactFiguresRepository figures) {
        this.figures = figures;
    }

    /** The requests received in the year (or one of its quarters), or only those answered, in the order they came. */
    @Transactional(readOnly = true)
    public List<Request> requests(int year, @Nullable Integer quarter, boolean answeredOnly) {
        LocalDate from = quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
        LocalDate to = quarter == null ? from.plusYears(1) : from.plusMonths(3);
        return figures.requests(from.atStartOfDay(FrenchFormat.ZONE).toInstant(), to.atStartOfDay(FrenchFormat.ZONE).toInstant(), answeredOnly);
    }

    /** The quarters that have requests, and the year (quarter 0) when any has. */
    @Transactional(readOnly = true)
    public List<QuarterTally> byQuarter(int year) {
        return figures.byQuarter(LocalDate.of(year, 1, 1).atStartOfDay(FrenchFormat.ZONE).toInstant(),
            LocalDate.of(year + 1, 1, 1).atStartOfDay(FrenchFormat.ZONE).toInstant(), FrenchFormat.ZONE.getId());
    }
}
