package fr.vivier.indicators;

import fr.vivier.programming.ProgrammingFigures;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PROGRAMMED_VS_LAUNCHED from the programming: lines launched at some point out of the lines of the year, by expected quarter. */
@Singleton
class ProgrammingSource implements FigureSource {
    static final String PROGRAMMED_VS_LAUNCHED = "PROGRAMMED_VS_LAUNCHED";

    private final ProgrammingFigures programming;

    ProgrammingSource(ProgrammingFigures programming) {
        this.programming = programming;
    }

    @Override
    public Set<String> codes() {
        return Set.of(PROGRAMMED_VS_LAUNCHED);
    }

    @Override
    public Map<String, YearFigures> figures(int year, Scope scope) {
        List<Figure> quarters = new ArrayList<>(List.of(empty(), empty(), empty(), empty()));
        for (ProgrammingFigures.QuarterTally tally : programming.byQuarter(year, scope.direction())) {
            quarters.set(tally.quarter() - 1, Figure.share(new Tally(tally.launched(), tally.launchedAmount()),
                new Tally(tally.programmed(), tally.programmedAmount()), Tally.ZERO));
        }
        return Map.of(PROGRAMMED_VS_LAUNCHED, YearFigures.summed(year, quarters));
    }

    @Override
    public boolean listsRecords(String code) {
        return true;
    }

    @Override
    public List<DrillRecord> records(String code, int year, Integer quarter, DrillRecord.Part part, Scope scope) {
        if (part == DrillRecord.Part.UNKNOWN) {
            return List.of();
        }
        return programming.lines(year, quarter, scope.direction(), part == DrillRecord.Part.NUMERATOR).stream()
            .map(line -> new DrillRecord(line.reference(), line.object(), line.direction(),
                LocalDate.of(year, line.expectedQuarter() * 3 - 2, 1), line.estimatedAmount(),
                line.statusLabel() + (line.launched() ? " (lancée)" : ""), line.staffUrl()))
            .toList();
    }

    private static Figure empty() {
        return Figure.share(Tally.ZERO, Tally.ZERO, Tally.ZERO);
    }
}
