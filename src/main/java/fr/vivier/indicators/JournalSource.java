package fr.vivier.indicators;

import fr.vivier.sourcing.SourcingJournal;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SOURCINGS from the sourcing journal: sourcing sheets completed in each quarter, of the direction asked for. */
@Singleton
class JournalSource implements FigureSource {
    static final String SOURCINGS = "SOURCINGS";

    private final SourcingJournal journal;

    JournalSource(SourcingJournal journal) {
        this.journal = journal;
    }

    @Override
    public Set<String> codes() {
        return Set.of(SOURCINGS);
    }

    @Override
    public Map<String, YearFigures> figures(int year, Scope scope) {
        List<Figure> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(Figure.count(Tally.of(journal.completedSourcings(SourcingJournal.Period.quarter(year, q), scope.direction()))));
        }
        return Map.of(SOURCINGS, YearFigures.summed(year, quarters));
    }
}
