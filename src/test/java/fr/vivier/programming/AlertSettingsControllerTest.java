package fr.vivier.programming;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How often a structure gets its programming alerts, chosen from the alert mail or from its space; consent and unsubscription at once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSettingsControllerTest implements IntegrationTest {
    private static final String SECTOR = "communication-imprimerie";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    ProgrammingService programming;
    @Inject
    LineMatching matching;
    @Inject
    ProgrammingAlerts alerts;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    private SupplierSessions.Registered subscriber(String name) {
        return SupplierSessions.published(directory, draft -> {
            draft.name = name;
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("EPCI", "200057875"));
            draft.alerts = true;
        });
    }

    /** A new published line that matches the subscriber, once the search index knows the subscriber. */
    private void publishFor(SupplierSessions.Registered subscriber, String object) {
        long line = TestLines.published(programming, draft -> {
            draft.object = object;
            draft.sectors = List.of(SECTOR);
            draft.places = "93010";
        });
        Await.until(() -> matching.matches(programming.find(line).orElseThrow(), 10_000).orElseThrow().ids()
            .contains(subscriber.supplier().id()), Duration.ofSeconds(20));
    }

    private long outboxMails(String recipient) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM mail_outbox WHERE recipient = ?", statement -> {
            statement.setString(1, recipient);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    /** As if the structure's last digest were sent eight days ago. */
    private void aWeekPasses(long supplierId) {
        transactions.executeWrite(status -> jdbc.prepareStatement(
            "UPDATE programming_alert_sent SET sent_at = sent_at - interval '8 days' WHERE supplier_id = ?", statement -> {
                statement.setLong(1, supplierId);
                return statement.executeUpdate();
            }));
    }

    private static MailCatcher.Mail awaitMailContaining(String recipient, String text) {
        for (int count = 1; ; count++) {
            List<MailCatcher.Mail> mails = MailCatcher.awaitMails(recipient, count);
            java.util.Optional<MailCatcher.Mail> found = mails.stream().filter(mail -> mail.text().contains(text)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
    }

    @Test
    void aStructureChoosesWeeklyFromTheAlertMailAndThenGetsItsNewLinesTogetherOnceAWeek() {
        String word = UniqueWords.next();
        SupplierSessions.Registered structure = subscriber("Imprimerie " + word);
        publishFor(structure, "Affiches " + word);
        alerts.runOnce();
        MailCatcher.Mail first = awaitMailContaining(structure.email(), "Affiches " + word);
        Matcher settings = Pattern.compile("/programmation/alertes/frequence/\\d+/[0-9a-f]+").matcher(first.text());
        assertTrue(settings.find(), first.text());

        WebClient visitor = new WebClient(server.getURI());
        Document page = visitor.page(settings.group());
        assertTrue(page.selectFirst("#frequence-IMMEDIATE").hasAttr("checked"), "immediately, until the structure chooses");
        HttpResponse<String> chosen = visitor.post(settings.group(), Map.of("frequence", "WEEKLY"));
        assertEquals(303, chosen.statusCode());
        Document saved = visitor.page(chosen.headers().firstValue("location").orElseThrow());
        assertTrue(saved.text().contains("C’est enregistré"));
        assertTrue(saved.selectFirst("#frequence-WEEKLY").hasAttr("checked"));

        publishFor(structure, "Brochures " + word);
        publishFor(structure, "Dépliants " + word);
        long before = outboxMails(structure.email());
        alerts.runOnce();
        assertEquals(before, outboxMails(structure.email()), "weekly: nothing before the week is over");

        aWeekPasses(structure.supplier().id());
        alerts.runOnce();
        assertEquals(before + 1, outboxMails(structure.email()), "one digest for the week");
        MailCatcher.Mail weekly = awaitMailContaining(structure.email(), "Brochures " + word);
        assertTrue(weekly.text().contains("Dépliants " + word), weekly.text());
        assertFalse(weekly.text().contains("Affiches " + word), "no line twice: " + weekly.text());
        assertTrue(weekly.text().contains("une fois par semaine"), weekly.text());
        alerts.runOnce();
        assertEquals(before + 1, outboxMails(structure.email()));
    }

    @Test
    void aStructureChoosesFromItsSpaceAndAnEmptyOrUnknownChoiceIsRefusedAtTheField() {
        String word = UniqueWords.next();
        SupplierSessions.Registered structure = subscriber("Reprographie " + word);
        WebClient anonymous = new WebClient(server.getURI());
        HttpResponse<String> noSession = anonymous.get(AlertSettingsController.SESSION_PATH);
        assertEquals(303, noSession.statusCode());
        assertEquals("/mon-profil?retour=%2Fprogrammation%2Fmes-alertes", noSession.headers().firstValue("location").orElseThrow());

        WebClient space = SupplierSessions.open(directory, structure, server.getURI());
        assertTrue(space.page("/mon-profil/fiche").select("a[href=/programmation/mes-alertes]").size() == 1, "linked from the space");
        Document page = space.page(AlertSettingsController.SESSION_PATH);
        assertTrue(page.text().contains("Reprographie " + word));
        HttpResponse<String> empty = space.post(AlertSettingsController.SESSION_PATH, Map.of());
        assertEquals(422, empty.statusCode());
        assertEquals(AlertSettingsForm.CHOOSE, Jsoup.parse(empty.body()).selectFirst("#erreur-frequence").text());
        HttpResponse<String> unknown = space.post(AlertSettingsController.SESSION_PATH, Map.of("frequence", "MONTHLY"));
        assertEquals(422, unknown.statusCode());
        assertTrue(Jsoup.parse(unknown.body()).selectFirst("#resume-erreurs") != null);

        assertEquals(303, space.post(AlertSettingsController.SESSION_PATH, Map.of("frequence", "NONE")).statusCode());
        assertEquals(AlertChoice.NONE, alerts.choice(structure.supplier().id()));
        publishFor(structure, "Cartes de visite " + word);
        long before = outboxMails(structure.email());
        alerts.runOnce();
        assertEquals(before, outboxMails(structure.email()), "no alert once the structure chose none");

        space.get(AlertSettingsController.SESSION_PATH);
        assertEquals(303, space.post(AlertSettingsController.SESSION_PATH, Map.of("frequence", "IMMEDIATE")).statusCode());
        alerts.runOnce();
        assertTrue(awaitMailContaining(structure.email(), "Cartes de visite " + word).text().contains("Reprographie " + word),
            "choosing a frequency again undoes the unsubscription");
    }

    @Test
    void aWithdrawnConsentStopsTheAlertsFromTheNextRunOn() {
        String word = UniqueWords.next();
        SupplierSessions.Registered structure = subscriber("Sérigraphie " + word);
        publishFor(structure, "Banderoles " + word);
        directory.withdrawConsent(structure.supplier().id(), ConsentKind.ALERTS, "test");
        long before = outboxMails(structure.email());
        alerts.runOnce();
        assertEquals(before, outboxMails(structure.email()));
    }

    @Test
    void aForgedSettingsLinkChangesNothing() {
        SupplierSessions.Registered structure = subscriber("Copies " + UniqueWords.next());
        WebClient visitor = new WebClient(server.getURI());
        String forged = AlertSettingsController.SIGNED_PATH + "/" + structure.supplier().id() + "/00000000";
        assertEquals(404, visitor.get(forged).statusCode());
        visitor.get("/mon-profil");
        assertEquals(404, visitor.post(forged, Map.of("frequence", "NONE")).statusCode());
        assertEquals(AlertChoice.IMMEDIATE, alerts.choice(structure.supplier().id()));
    }
}
