package fr.vivier.indicators;

import fr.vivier.sourcing.RecontactFigures;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RECONTACT from the recontact queue: requests received in the period and answered so far, with the median delay.
 * The requests come from the structures, not from a direction: a buyer sees the authority's figure.
 */
@Singleton
class RecontactSource implements FigureSource {
    static final String RECONTACT = "RECONTACT";

    private final RecontactFigures recontacts;

    RecontactSource(RecontactFigures recontacts) {
        this.recontacts = recontacts;
    }

    @Override
    public Set<String> codes() {
        return Set.of(RECONTACT);
    }

    @Override
    public boolean byDirection(String code) {
        return false;
    }

    @Override
    public Map<String, YearFigures> figures(int year, Scope scope) {
        List<Figure> quarters = new ArrayList<>(List.of(empty(), empty(), empty(), empty()));
        Figure total = empty();
        for (RecontactFigures.QuarterTally tally : recontacts.byQuarter(year)) {
            Figure figure = new Figure(Tally.of(tally.answered()), Tally.of(tally.received()), Tally.ZERO, tally.medianDelay().orElse(null));
            if (tally.quarter() == 0) {
                total = figure;
            } else {
                quarters.set(tally.quarter() - 1, figure);
            }
        }
        return Map.of(RECONTACT, new YearFigures(year, List.copyOf(quarters), total));
    }

    @Override
    public boolean listsRecords(String code) {
        return true;
    }

    /** Counted: the requests answered; reference: every request received; nothing is « non renseigné ». */
    @Override
    public List<DrillRecord> records(String code, int year, Integer quarter, DrillRecord.Part part, Scope scope) {
        if (part == DrillRecord.Part.UNKNOWN) {
            return List.of();
        }
        return recontacts.requests(year, quarter, part == DrillRecord.Part.NUMERATOR).stream().map(RecontactSource::drill).toList();
    }

    private static DrillRecord drill(RecontactFigures.Request request) {
        String day = request.receivedOn().toString();
        String status = request.status().label() + request.delay()
            .map(delay -> " (réponse en " + IndicatorView.delay(Duration.ofMinutes(Math.round(delay.toSeconds() / 60.0))) + ")").orElse("");
        return new DrillRecord("Demande n°" + request.id(), request.topic(), null, request.receivedOn(), null, status,
            "/agents/demandes-recontact?du=" + day + "&au=" + day);
    }

    private static Figure empty() {
        return Figure.share(Tally.ZERO, Tally.ZERO, Tally.ZERO);
    }
}
