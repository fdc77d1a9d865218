package fr.vivier.indicators;

import fr.vivier.meetings.MeetingStatistics;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** WORKSHOPS from the meetings: « ateliers de sensibilisation » held (ended by now) in each quarter, whole authority. */
@Singleton
class WorkshopSource implements FigureSource {
    static final String WORKSHOPS = "WORKSHOPS";

    private final MeetingStatistics meetings;

    WorkshopSource(MeetingStatistics meetings) {
        this.meetings = meetings;
    }

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
        List<Figure> quarters = new ArrayList<>();
        long held = 0;
        for (int quarter = 1; quarter <= 4; quarter++) {
            long ofQuarter = meetings.workshopsOfQuarter(year, quarter).held();
            quarters.add(Figure.count(Tally.of(ofQuarter)));
            held += ofQuarter;
        }
        return Map.of(WORKSHOPS, new YearFigures(year, List.copyOf(quarters), Figure.count(Tally.of(held))));
    }
}
