package fr.vivier.indicators;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.TestEvents;
import fr.vivier.programming.LineStatus;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
import fr.vivier.sourcing.RecontactQueueService;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.web.CurrentUser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each indicator computed today, against a small case whose figures are worked out by hand here. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorFiguresTest implements IntegrationTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    IndicatorFigures figures;
    @Inject
    IndicatorCatalogue catalogue;
    @Inject
    ProgrammingService programming;
    @Inject
    DirectoryService directory;
    @Inject
    RecontactQueueService recontacts;
    @Inject
    MutableClock clock;
    @Inject
    EventService events;
    @Inject
    fr.vivier.accounts.AccountService accounts;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void theCatalogueHoldsTheThirtyTwoIndicatorsOfTheSharedList() {
        assertEquals(32, catalogue.all().size());
        assertTrue(catalogue.find("SME_UNDER_40K").isPresent());
        Indicator ess = catalogue.find("ESS_SPEND").orElseThrow();
        assertEquals("Montant des marchés notifiés à des structures de l’ESS", ess.name());
        assertTrue(ess.filters().contains("à la notification"), ess.filters());
        assertTrue(figures.computedCodes().containsAll(Set.of("PROGRAMMED_VS_LAUNCHED", "RECONTACT", "WORKSHOPS")));
    }

    @Test
    void programmedVsLaunchedCountsTheLinesThatWereEverLaunchedOutOfTheLinesOfTheYear() {
        String direction = "Direction test " + UUID.randomUUID();
        // 1st quarter: launched (40 000), launched then awarded (10 000), abandoned without launch (25 000), planned (5 000)
        long launched = line(direction, "1", "40 000");
        launch(launched);
        long awarded = line(direction, "1", "10 000");
        launch(awarded);
        assertTrue(programming.changeStatus(awarded, LineStatus.AWARDED, null, TestLines.staff()).isEmpty());
        long abandoned = line(direction, "1", "25 000");
        assertTrue(programming.changeStatus(abandoned, LineStatus.ABANDONED, null, TestLines.staff()).isEmpty());
        line(direction, "1", "5 000");
        // 3rd quarter: launched then abandoned (20 000): it was launched
        long launchedThenAbandoned = line(direction, "3", "20 000");
        launch(launchedThenAbandoned);
        assertTrue(programming.changeStatus(launchedThenAbandoned, LineStatus.ABANDONED, null, TestLines.staff()).isEmpty());
        // another direction's line does not count
        line("Autre " + direction, "1", "99 000");

        IndicatorView view = figures.view(catalogue.find("PROGRAMMED_VS_LAUNCHED").orElseThrow(), TestLines.YEAR, new Scope(direction));
        Figure year = view.total();
        // 3 launched out of 5 lines: 60 %; 70 000 € out of 100 000 €: 70 %
        assertEquals(3, year.numerator().count());
        assertEquals(5, year.denominator().count());
        assertEquals(new BigDecimal("60.0"), year.percentOfCount().orElseThrow());
        assertEquals(0, new BigDecimal("70000").compareTo(year.numerator().amount()));
        assertEquals(0, new BigDecimal("100000").compareTo(year.denominator().amount()));
        assertEquals(new BigDecimal("70.0"), year.percentOfAmount().orElseThrow());
        // by quarter: 2 of 4 in Q1 (50 %), none in Q2, 1 of 1 in Q3 (100 %)
        assertEquals(new BigDecimal("50.0"), view.current().quarters().get(0).percentOfCount().orElseThrow());
        assertTrue(view.current().quarters().get(1).percentOfCount().isEmpty());
        assertEquals(new BigDecimal("100.0"), view.current().quarters().get(2).percentOfCount().orElseThrow());
        assertEquals("60\u00a0%", view.headline());
        // the drill-down lists the same lines: the 3 launched, and the 5 of the year
        assertEquals(3, figures.records("PROGRAMMED_VS_LAUNCHED", TestLines.YEAR, null, DrillRecord.Part.NUMERATOR, new Scope(direction)).size());
        assertEquals(5, figures.records("PROGRAMMED_VS_LAUNCHED", TestLines.YEAR, null, DrillRecord.Part.DENOMINATOR, new Scope(direction)).size());
        assertEquals(2, figures.records("PROGRAMMED_VS_LAUNCHED", TestLines.YEAR, 1, DrillRecord.Part.NUMERATOR, new Scope(direction)).size());
    }

    @Test
    void recontactCountsTheRequestsOfThePeriodAnsweredAndTheirMedianDelay() {
        int year = yearWithoutRequests();
        String email = fr.vivier.testsupport.TestAccounts.create(accounts, fr.vivier.accounts.Role.STAFF);
        CurrentUser agent = new CurrentUser(accounts.findByEmail(email).orElseThrow().id(), "Agent de test", List.of("STAFF"));
        // 1st quarter: answered after 2 h, answered after 10 h, never answered; 2nd quarter: answered after 30 h
        long first = request(LocalDateTime.of(year, 2, 3, 9, 0));
        long second = request(LocalDateTime.of(year, 3, 10, 9, 0));
        request(LocalDateTime.of(year, 3, 20, 9, 0));
        long fourth = request(LocalDateTime.of(year, 5, 4, 9, 0));
        answer(first, LocalDateTime.of(year, 2, 3, 11, 0), agent);
        answer(second, LocalDateTime.of(year, 3, 10, 19, 0), agent);
        answer(fourth, LocalDateTime.of(year, 5, 5, 15, 0), agent);
        // made on 1 January at 00:30 in Paris, still 31 December in UTC: the next year's
        request(LocalDateTime.of(year + 1, 1, 1, 0, 30));

        IndicatorView view = figures.view(catalogue.find("RECONTACT").orElseThrow(), year, Scope.AUTHORITY);
        Figure total = view.total();
        // 3 answered out of 4 received: 75 %; median of 2 h, 10 h, 30 h: 10 h
        assertEquals(3, total.numerator().count());
        assertEquals(4, total.denominator().count());
        assertEquals(new BigDecimal("75.0"), total.percentOfCount().orElseThrow());
        assertEquals(Duration.ofHours(10), total.medianDelay());
        assertEquals(2, view.current().quarters().get(0).numerator().count());
        assertEquals(3, view.current().quarters().get(0).denominator().count());
        assertEquals(Duration.ofHours(6), view.current().quarters().get(0).medianDelay());
        assertEquals(Duration.ofHours(30), view.current().quarters().get(1).medianDelay());
        // the drill-down lists the same requests: the 3 answered with their delay, the 4 received, the 3 of the 1st quarter
        List<DrillRecord> answered = figures.records("RECONTACT", year, null, DrillRecord.Part.NUMERATOR, Scope.AUTHORITY);
        assertEquals(List.of("Demande n°" + first, "Demande n°" + second, "Demande n°" + fourth), answered.stream().map(DrillRecord::reference).toList());
        assertEquals("Répondue (réponse en 2\u00a0h)", answered.get(0).status());
        assertEquals(4, figures.records("RECONTACT", year, null, DrillRecord.Part.DENOMINATOR, Scope.AUTHORITY).size());
        assertEquals(3, figures.records("RECONTACT", year, 1, DrillRecord.Part.DENOMINATOR, Scope.AUTHORITY).size());
        assertTrue(view.drillable());
        assertTrue(view.details().contains("Délai médian de réponse : 10\u00a0h"), view.details().toString());
        // the request of 1 January 00:30 (Paris) is the next year's
        assertEquals(1, figures.view(catalogue.find("RECONTACT").orElseThrow(), year + 1, Scope.AUTHORITY).total().denominator().count());
        // a buyer's direction does not narrow it: the note says so
        IndicatorView forADirection = figures.view(catalogue.find("RECONTACT").orElseThrow(), year, new Scope("Direction des sports"));
        assertEquals(4, forADirection.total().denominator().count());
        assertTrue(forADirection.scopeNote().contains("toute la collectivité"));
    }

    @Test
    void workshopsCountTheAwarenessWorkshopsHeldInEachQuarter() {
        int year = yearWithoutWorkshops();
        clock.pinTo(LocalDateTime.of(year, 1, 2, 9, 0).atZone(PARIS).toInstant());
        TestEvents.create(events, clock, d -> { d.kind = EventKind.AWARENESS_WORKSHOP.name(); d.day = LocalDate.of(year, 2, 10); d.deadline = d.day.minusDays(2); });
        TestEvents.create(events, clock, d -> { d.kind = EventKind.AWARENESS_WORKSHOP.name(); d.day = LocalDate.of(year, 8, 20); d.deadline = d.day.minusDays(2); });
        TestEvents.create(events, clock, d -> { d.kind = EventKind.AWARENESS_WORKSHOP.name(); d.day = LocalDate.of(year, 9, 3); d.deadline = d.day.minusDays(2); });
        TestEvents.create(events, clock, d -> { d.kind = EventKind.AWARENESS_WORKSHOP.name(); d.day = LocalDate.of(year, 11, 15); d.deadline = d.day.minusDays(2); });
        // a buyer-supplier meeting is not a workshop
        TestEvents.create(events, clock, d -> { d.kind = EventKind.BUYER_SUPPLIER_MEETING.name(); d.day = LocalDate.of(year, 3, 5); d.deadline = d.day.minusDays(2); });

        // on 30 September: Q1 one held, Q3 two held, the November one not held yet
        clock.pinTo(LocalDateTime.of(year, 9, 30, 18, 0).atZone(PARIS).toInstant());
        IndicatorView view = figures.view(catalogue.find("WORKSHOPS").orElseThrow(), year, Scope.AUTHORITY);
        assertEquals(List.of(1L, 0L, 2L, 0L), view.current().quarters().stream().map(q -> q.numerator().count()).toList());
        assertEquals(3, view.total().numerator().count());
        assertNull(view.total().denominator());
        assertEquals("3", view.headline());
    }

    @Test
    void anIndicatorNotComputedYetHasNoFigures() {
        IndicatorView view = figures.view(catalogue.find("POSITIVE_EXITS").orElseThrow(), 2026, Scope.AUTHORITY);
        assertFalse(view.computed());
        assertNull(view.total());
        assertEquals("—", view.headline());
    }

    /** A far year in which no test has held a workshop (the test database lives on). */
    private int yearWithoutWorkshops() {
        Indicator workshops = catalogue.find("WORKSHOPS").orElseThrow();
        while (true) {
            int year = 2100 + ThreadLocalRandom.current().nextInt(200);
            clock.pinTo(LocalDateTime.of(year + 1, 1, 1, 0, 0).atZone(PARIS).toInstant());
            if (figures.view(workshops, year, Scope.AUTHORITY).total().numerator().count() == 0) {
                return year;
            }
        }
    }

    /** A far year that neither this case nor its following year share with any earlier request (the test database lives on). */
    private int yearWithoutRequests() {
        Indicator recontact = catalogue.find("RECONTACT").orElseThrow();
        while (true) {
            int year = 2060 + ThreadLocalRandom.current().nextInt(38);
            if (figures.view(recontact, year, Scope.AUTHORITY).total().denominator().count() == 0
                && figures.view(recontact, year + 1, Scope.AUTHORITY).total().denominator().count() == 0) {
                return year;
            }
        }
    }

    private long line(String direction, String quarter, String amount) {
        return TestLines.create(programming, draft -> {
            draft.direction = direction;
            draft.quarter = quarter;
            draft.amount = amount;
        });
    }

    private void launch(long id) {
        assertTrue(programming.changeStatus(id, LineStatus.LAUNCHED, "https://marches.example/consultation/" + id, TestLines.staff()).isEmpty());
    }

    private long request(LocalDateTime paris) {
        clock.pinTo(paris.atZone(PARIS).toInstant());
        long supplierId = TestSuppliers.register(directory, draft -> draft.recontact("Présenter notre offre")).id();
        return recontacts.ofSupplier(supplierId).get(0).request().id();
    }

    private void answer(long requestId, LocalDateTime paris, CurrentUser agent) {
        Instant at = paris.atZone(PARIS).toInstant();
        clock.pinTo(at);
        recontacts.markAnswered(requestId, agent);
    }
}
