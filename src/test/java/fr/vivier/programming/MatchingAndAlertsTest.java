package fr.vivier.programming;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
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

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingAndAlertsTest implements IntegrationTest {
    private static final String SECTOR = "industrie-bois";

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
    AccountService accounts;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    private List<Long> matched(long lineId) {
        return matching.matches(programming.find(lineId).orElseThrow(), 10_000).orElseThrow().ids();
    }

    private void awaitMatched(long lineId, long supplierId) {
        Await.until(() -> matched(lineId).contains(supplierId), Duration.ofSeconds(20));
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
    void aLineInBondyMatchesSuppliersCoveringItAndPutsSocialEconomyFirstWhenReserved() {
        long company = SupplierSessions.published(directory, draft -> {
            draft.name = "Menuiserie Classique";
            draft.kind = "COMPANY";
            draft.legalForm = "SAS";
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("EPCI", "200057875"));
        }).supplier().id();
        long siae = SupplierSessions.published(directory, draft -> {
            draft.name = "Zébulon Bois Insertion";
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93"));
        }).supplier().id();
        long elsewhere = SupplierSessions.published(directory, draft -> {
            draft.name = "Bois de Lyon";
            draft.communeCode = "69123";
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "69123"));
        }).supplier().id();
        long reserved = TestLines.published(programming, draft -> {
            draft.sectors = List.of(SECTOR);
            draft.places = "93010";
            draft.reservation = "SIAE";
        });
        awaitMatched(reserved, company);
        awaitMatched(reserved, siae);
        List<Long> ids = matched(reserved);
        assertFalse(ids.contains(elsewhere), "une structure qui n’intervient qu’à Lyon ne couvre pas Bondy");
        assertTrue(ids.indexOf(siae) < ids.indexOf(company), "ligne réservable : la SIAE avant l’entreprise classique");

        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(email, TestAccounts.PASSWORD);
        Document page = staff.page("/agents/programmation/" + reserved);
        assertTrue(page.select("section:has(#titre-correspondances)").text().contains("Zébulon Bois Insertion"),
            page.select("section:has(#titre-correspondances)").text());
    }

    @Test
    void suppliersWhoAskedForAlertsGetEachNewLineOnceAndCanUnsubscribeWithoutSigningIn() {
        SupplierSessions.Registered subscriber = SupplierSessions.published(directory, draft -> {
            draft.name = "Atelier Copeaux";
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("EPCI", "200057875"));
            draft.alerts = true;
        });
        SupplierSessions.Registered noConsent = SupplierSessions.published(directory, draft -> {
            draft.sectors = List.of(SECTOR);
            draft.areas = List.of(new SupplierInput.AreaInput("EPCI", "200057875"));
            draft.alerts = false;
        });
        String marker = UniqueWords.next();
        long line = TestLines.published(programming, draft -> {
            draft.object = "Mobilier en bois " + marker;
            draft.sectors = List.of(SECTOR);
            draft.places = "93010";
        });
        long shelves = TestLines.published(programming, draft -> {
            draft.object = "Étagères de bibliothèque " + marker;
            draft.sectors = List.of(SECTOR);
            draft.places = "93010";
        });
        awaitMatched(line, subscriber.supplier().id());
        awaitMatched(shelves, subscriber.supplier().id());
        awaitMatched(line, noConsent.supplier().id());

        assertTrue(alerts.runOnce().ran());
        MailCatcher.Mail alert = awaitMailContaining(subscriber.email(), marker);
        assertTrue(alert.text().contains("Atelier Copeaux"));
        assertTrue(alert.text().contains("Mobilier en bois " + marker) && alert.text().contains("Étagères de bibliothèque " + marker),
            "un seul courriel pour les deux lignes nouvelles : " + alert.text());
        assertEquals(0, MailCatcher.mailsOf(noConsent.email()).stream().filter(mail -> mail.text().contains(marker)).count());
        long before = outboxMails(subscriber.email());
        alerts.runOnce();
        assertEquals(before, outboxMails(subscriber.email()), "une ligne n’est jamais envoyée deux fois");

        Matcher unsubscribe = Pattern.compile("/programmation/alertes/desabonnement/\\d+/[0-9a-f]+").matcher(alert.text());
        assertTrue(unsubscribe.find(), alert.text());
        WebClient visitor = new WebClient(server.getURI());
        assertEquals(200, visitor.get(unsubscribe.group()).statusCode());
        HttpResponse<String> done = visitor.post(unsubscribe.group(), Map.of());
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("vous ne recevrez plus d’alerte"));
        assertEquals(404, visitor.get(unsubscribe.group().replaceAll("[0-9a-f]{8}$", "00000000")).statusCode());

        TestLines.published(programming, draft -> {
            draft.object = "Bancs en bois " + marker;
            draft.sectors = List.of(SECTOR);
            draft.places = "93010";
        });
        alerts.runOnce();
        assertEquals(before, outboxMails(subscriber.email()), "désabonné : plus aucune alerte");
    }
}
