package fr.vivier.indicators;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** WORKSHOPS: the portal does not manage meetings yet, so the figure is 0, and the dashboard says why. */
@Singleton
class WorkshopSource implements FigureSource {
    static final String WORKSHOPS = "WORKSHOPS";

    @Override
    public Set<String> codes() {
        return Set.of(WORKSHOPS);
    }

    @Override
    public boolean byDirection(String code) {
        return false;
    }

    @Override
    public Map<String, YearFigures> figures(int year, Scope scope) {
        Figure none = Figure.count(Tally.ZERO);
        return Map.of(WORKSHOPS, new YearFigures(year, List.of(none, none, none, none), none));
    }
}
