package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;

/**
 * The programming's typed read for the indicators (PROGRAMMED_VS_LAUNCHED): lines programmed for a year and those
 * launched at some point, by expected quarter, for the whole authority or one direction (compared without case).
 */
@Singleton
public class ProgrammingFigures {
    /** The lines of one expected quarter: how many, their estimated amount, and the same for those launched. */
    public record QuarterTally(int quarter, long programmed, BigDecimal programmedAmount, long launched, BigDecimal launchedAmount) { }

    /** A line as the indicators' drill-down lists it. */
    public record LineRecord(long id, String reference, String object, String direction, BigDecimal estimatedAmount, int expectedQuarter,
                             String statusLabel, boolean launched) {
        public String staffUrl() {
            return StaffProgrammingController.PATH + "/" + id;
        }
    }

    private final ProgrammingFiguresRepository figures;

    ProgrammingFigures(ProgrammingFiguresRepository figures) {
        this.figures = figures;
    }

    /** Only the quarters that have lines. */
    @Transactional(readOnly = true)
    public List<QuarterTally> byQuarter(int year, @Nullable String direction) {
        return figures.byQuarter(year, blankToNull(direction));
    }

    @Transactional(readOnly = true)
    public List<LineRecord> lines(int year, @Nullable Integer quarter, @Nullable String direction, boolean launchedOnly) {
        return figures.lines(year, quarter, blankToNull(direction), launchedOnly);
    }

    private static @Nullable String blankToNull(@Nullable String direction) {
        return direction == null || direction.isBlank() ? null : direction.strip();
    }
}
