package fr.vivier.sourcing;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import fr.vivier.web.FrenchFormat;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecontactQueueControllerTest implements IntegrationTest {
    private static final String QUEUE = "/agents/demandes-recontact";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    RecontactRequestRepository recontacts;
    @Inject
    TransactionOperations<Connection> transactions;

    private record Staff(WebClient browser, long accountId, String name) { }

    private Staff staff() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        var account = accounts.findByEmail(email).orElseThrow();
        return new Staff(browser, account.id(), account.displayName());
    }

    private RecontactRequest requestOf(Supplier supplier) {
        return recontacts.findBySupplierId(supplier.id()).get(0);
    }

    /** The row of a request in the list, looked for from the given page on (oldest requests come first). */
    private Element row(WebClient browser, String url, RecontactRequest request) {
        Document page = browser.page(url);
        for (int guard = 0; guard < 1000; guard++) {
            Element form = page.selectFirst("form[action=" + QUEUE + "/" + request.id() + "/cloture]");
            Element anyLink = page.selectFirst("tr:has(a[href=/agents/fiches/" + request.supplierId() + "])");
            if (form != null) {
                return form.closest("tr");
            }
            if (anyLink != null) {
                return anyLink;
            }
            Element next = page.selectFirst("nav.pagination a:contains(Page suivante)");
            if (next == null) {
                return null;
            }
            page = browser.page(next.attr("href"));
        }
        return null;
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndBuyersAreRefused() {
        assertEquals(303, new WebClient(server.getURI()).get(QUEUE).statusCode());
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD).statusCode());
        assertEquals(403, buyer.get(QUEUE).statusCode());
        Supplier supplier = TestSuppliers.register(directory, draft -> draft.recontact("Accès refusé aux acheteurs"));
        buyer.get("/");
        assertEquals(403, buyer.post(QUEUE + "/" + requestOf(supplier).id() + "/attribution", Map.of()).statusCode());
        assertEquals(RecontactRequest.Status.NEW, requestOf(supplier).status());
    }

    @Test
    void requestFromARegistrationGoesFromNewToAssignedToAnsweredToClosed() {
        String topic = "Nettoyage des gymnases " + UUID.randomUUID().toString().substring(0, 6);
        Supplier supplier = TestSuppliers.register(directory, draft -> {
            draft.recontact(topic);
            draft.sectors.add("blanchisserie-pressing");
        });
        RecontactRequest request = requestOf(supplier);
        Staff staff = staff();
        String today = LocalDate.now(FrenchFormat.ZONE).toString();
        String filtered = QUEUE + "?statut=NEW&du=" + today + "&au=" + today;

        Element line = row(staff.browser(), filtered, request);
        assertNotNull(line, "la demande est dans la file des nouvelles demandes");
        assertTrue(line.text().contains(supplier.displayName()));
        assertTrue(line.text().contains(topic));
        assertTrue(line.text().contains("Entretien des espaces verts, désherbage et gestion différenciée, Pressing, nettoyage à sec et repassage"),
            line.text());
        assertTrue(line.text().contains(FrenchFormat.date(Instant.now())));
        assertTrue(line.text().contains("Ancienneté : moins d’une heure"), line.text());
        assertTrue(line.text().contains("Nouvelle"));
        assertTrue(line.text().contains("Suivie par : personne"), line.text());

        HttpResponse<String> assigned = staff.browser().post(QUEUE + "/" + request.id() + "/attribution",
            Map.of("statut", "NEW", "du", today, "au", today, "page", "0"));
        assertEquals(303, assigned.statusCode(), assigned.body());
        assertEquals(filtered + "&succes=attribution", assigned.headers().firstValue("location").orElseThrow());
        RecontactRequest afterAssign = requestOf(supplier);
        assertEquals(RecontactRequest.Status.ASSIGNED, afterAssign.status());
        assertEquals(staff.accountId(), afterAssign.assignedTo());
        assertNotNull(afterAssign.assignedAt());

        Element assignedLine = row(staff.browser(), QUEUE + "?statut=ASSIGNED&du=" + today, request);
        assertTrue(assignedLine.text().contains("Attribuée"));
        assertTrue(assignedLine.text().contains(staff.name()));

        assertEquals(303, staff.browser().post(QUEUE + "/" + request.id() + "/reponse", Map.of()).statusCode());
        RecontactRequest answered = requestOf(supplier);
        assertEquals(RecontactRequest.Status.ANSWERED, answered.status());
        assertNotNull(answered.answeredAt());
        assertNull(answered.closedAt());

        staff.browser().get(QUEUE);
        assertEquals(303, staff.browser().post(QUEUE + "/" + request.id() + "/cloture", Map.of()).statusCode());
        RecontactRequest closed = requestOf(supplier);
        assertEquals(RecontactRequest.Status.CLOSED, closed.status());
        assertNotNull(closed.closedAt());
        assertTrue(row(staff.browser(), QUEUE + "?statut=CLOSED&du=" + today, request).text().contains("Close"));

        String history = staff.browser().page("/agents/fiches/" + supplier.id()).selectFirst("#titre-historique").parent().text();
        assertTrue(history.contains("Demande de recontact prise en charge"));
        assertTrue(history.contains("Demande de recontact close"));
        assertTrue(history.contains(staff.name()));
    }

    @Test
    void invalidTransitionsAreRefusedInFrench() {
        Supplier supplier = TestSuppliers.register(directory, draft -> draft.recontact("Transitions refusées"));
        RecontactRequest request = requestOf(supplier);
        Staff staff = staff();
        staff.browser().get(QUEUE);
        assertEquals(303, staff.browser().post(QUEUE + "/" + request.id() + "/reponse", Map.of()).statusCode());
        RecontactRequest answered = requestOf(supplier);
        assertEquals(staff.accountId(), answered.assignedTo(), "répondre à une demande nouvelle la prend en charge");

        HttpResponse<String> assignAgain = staff.browser().post(QUEUE + "/" + request.id() + "/attribution", Map.of());
        assertEquals(409, assignAgain.statusCode());
        assertTrue(Jsoup.parse(assignAgain.body()).selectFirst(".alerte--attention").text()
            .contains("Cette demande est déjà répondue : elle ne peut plus être attribuée."));

        assertEquals(303, staff.browser().post(QUEUE + "/" + request.id() + "/cloture", Map.of()).statusCode());
        HttpResponse<String> closeAgain = staff.browser().post(QUEUE + "/" + request.id() + "/cloture", Map.of());
        assertEquals(409, closeAgain.statusCode());
        assertTrue(Jsoup.parse(closeAgain.body()).selectFirst(".alerte--attention").text().contains("Cette demande est déjà close."));
        assertEquals(409, staff.browser().post(QUEUE + "/" + request.id() + "/reponse", Map.of()).statusCode());
        assertEquals(404, staff.browser().post(QUEUE + "/999999999/cloture", Map.of()).statusCode());
    }

    @Test
    void medianDelayBetweenRequestAndAnswerIsShownForTheListedPeriod() {
        Supplier supplier = TestSuppliers.register(directory);
        // a day of the past that no other test uses, so that the median is known exactly
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
        Instant created = day.atTime(9, 0).atZone(FrenchFormat.ZONE).toInstant();
        insertAnswered(supplier, created, Duration.ofHours(1));
        insertAnswered(supplier, created, Duration.ofDays(2).plusHours(12));
        insertAnswered(supplier, created, Duration.ofDays(5));
        insertAnswered(supplier, created, null);

        Document page = staff().browser().page(QUEUE + "?du=" + day + "&au=" + day);
        String summary = page.selectFirst(".alerte--info").text();
        assertTrue(summary.contains("2,5 jours"), summary);
        assertTrue(summary.contains("3 demandes répondues"), summary);
        assertEquals("4 demandes", page.selectFirst("caption").text());
    }

    @Test
    void theAgeOfARequestIsCountedInHoursThenWholeDaysAndTheQueueIsFilteredByStructure() {
        String word = "anciennete" + UUID.randomUUID().toString().substring(0, 8);
        Supplier montreuil = TestSuppliers.register(directory, draft -> {
            draft.name = "Atelier " + word;
            draft.communeCode = "93048";
        });
        Supplier bondy = TestSuppliers.register(directory, draft -> {
            draft.name = "Entreprise " + word;
            draft.kind = "COMPANY";
            draft.legalForm = "SAS";
            draft.communeCode = "93010";
        });
        Instant now = Instant.now();
        insertAnswered(montreuil, now.minus(Duration.ofMinutes(30)), null);
        insertAnswered(montreuil, now.minus(Duration.ofHours(5)).minus(Duration.ofMinutes(10)), null);
        insertAnswered(bondy, now.minus(Duration.ofHours(26)), null);
        Staff staff = staff();

        Document all = staff.browser().page(QUEUE + "?q=" + word);
        assertEquals(List.of("Ancienneté : 1 jour", "Ancienneté : 5 h", "Ancienneté : moins d’une heure"),
            all.select("tbody tr td:nth-child(3) .tableau__detail").eachText());
        assertTrue(all.selectFirst("tbody tr td:nth-child(3)").text().matches("\\d{1,2} \\p{L}+ \\d{4} à \\d{2}h\\d{2}.*"),
            "the date shows its time");
        assertTrue(all.select(".etiquette--retard").isEmpty(), "nothing is overdue yet");

        assertEquals(2, staff.browser().page(QUEUE + "?q=" + word + "&type=SIAE").select("tbody tr").size());
        assertEquals(1, staff.browser().page(QUEUE + "?q=" + word + "&commune=Bondy").select("tbody tr").size());
        assertEquals(1, staff.browser().page(QUEUE + "?q=" + bondy.siret()).select("tbody tr").size());
        assertEquals(3, staff.browser().page(QUEUE + "?q=" + word + "&statut=OUVERTES").select("tbody tr").size());
        assertEquals(0, staff.browser().page(QUEUE + "?q=" + word + "&statut=CLOSED").select("tbody tr").size());

        String filtered = QUEUE + "?type=COMPANY&q=" + word;
        Document page = staff.browser().page(filtered);
        String action = page.selectFirst("form[action$=/cloture]").attr("action");
        HttpResponse<String> closed = staff.browser().post(action, Map.of("q", word, "type", "COMPANY", "page", "0"));
        assertEquals(filtered + "&succes=cloture", closed.headers().firstValue("location").orElseThrow(), "back to the same filtered list");
    }

    @Test
    void invalidFilterDatesShowAnErrorNextToTheField() {
        HttpResponse<String> response = staff().browser().get(QUEUE + "?du=12%2F03%2F2026&au=2026-01-01&statut=PERDU");
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.selectFirst("#erreur-du").text().contains("Date invalide"));
        assertTrue(page.selectFirst("#erreur-statut").text().contains("Choisissez un statut"));
        assertEquals("12/03/2026", page.selectFirst("#champ-du").attr("value"), "la saisie est conservée");
        assertNotNull(page.selectFirst(".resume-erreurs a[href=#champ-du]"));
    }

    @Test
    void emptyPeriodShowsAnEmptyState() {
        Document page = staff().browser().page(QUEUE + "?du=1990-01-01&au=1990-01-02");
        assertTrue(page.text().contains("Aucune demande de recontact ne correspond à ces critères."));
        assertTrue(page.text().contains("pas de délai médian"));
    }

    private void insertAnswered(Supplier supplier, Instant created, Duration delay) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement("""
                INSERT INTO recontact_request (supplier_id, topic, sectors, message, status, created_at, answered_at)
                VALUES (?, 'Délai médian', '', '', ?, ?, ?)""")) {
                statement.setLong(1, supplier.id());
                statement.setString(2, delay == null ? "NEW" : "ANSWERED");
                statement.setTimestamp(3, Timestamp.from(created));
                statement.setTimestamp(4, delay == null ? null : Timestamp.from(created.plus(delay)));
                return statement.executeUpdate();
            }
        });
    }
}
