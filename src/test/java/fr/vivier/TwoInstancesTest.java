package fr.vivier;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.directory.space.RetentionJob;
import fr.vivier.mail.MailSender;
import fr.vivier.mail.MailService;
import fr.vivier.search.SearchIndexer;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal is stateless: two instances on one PostgreSQL and one Elasticsearch share the sign-in, and the work
 * of the background jobs (search outbox, mail outbox, retention) is done once, never twice. Two application
 * contexts stand for the two processes: they share nothing but the services, like two JVMs behind a load balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest implements IntegrationTest {
    private EmbeddedServer first;
    private EmbeddedServer second;

    /** The schedulers are slowed down so that the test drives the jobs of both instances at the same moment itself. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.mail.poll-interval", "1h", "vivier.mail.initial-delay", "1h",
            "vivier.search.poll-interval", "1h", "vivier.search.initial-delay", "1h");
    }

    @BeforeAll
    void startTwoInstances() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stopThem() {
        second.close();
        first.close();
    }

    private static <T> T bean(EmbeddedServer instance, Class<T> type) {
        return instance.getApplicationContext().getBean(type);
    }

    /** Runs the same job on both instances at once, again and again until neither finds work; returns the sum of their counts. */
    private int drainOnBoth(Function<EmbeddedServer, Integer> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int total = 0;
            while (true) {
                List<Future<Integer>> runs = new ArrayList<>();
                for (EmbeddedServer instance : List.of(first, second)) {
                    runs.add(pool.submit((Callable<Integer>) () -> job.apply(instance)));
                }
                int round = 0;
                for (Future<Integer> run : runs) {
                    round += run.get();
                }
                if (round == 0) {
                    return total;
                }
                total += round;
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOther() {
        String email = TestAccounts.create(bean(first, AccountService.class), Role.BUYER);
        WebClient onFirst = new WebClient(first.getURI());
        assertEquals(303, onFirst.signIn(email, TestAccounts.PASSWORD).statusCode());

        WebClient onSecond = new WebClient(second.getURI());
        onSecond.setCookie("SESSION", onFirst.cookie("SESSION"));
        assertEquals(200, onSecond.get("/favoris").statusCode(), "signed in on the second instance too");
        String listName = "Liste " + UUID.randomUUID();
        assertEquals(303, onSecond.post("/favoris", Map.of("name", listName)).statusCode(), "its CSRF token is valid there");
        assertTrue(onFirst.get("/favoris").body().contains(listName));

        assertEquals(303, onSecond.post("/deconnexion", Map.of()).statusCode());
        assertEquals(303, onFirst.get("/favoris").statusCode(), "signing out on one signs out on both");
    }

    @Test
    void eachSearchOutboxRowIsIndexedOnce() throws Exception {
        drainOnBoth(instance -> bean(instance, SearchIndexer.class).drainBatch());
        long before = bean(first, SupplierDirectory.class).lastChangeId();
        DirectoryService directory = bean(first, DirectoryService.class);
        for (int i = 0; i < 30; i++) {
            TestSuppliers.publish(directory);
        }
        long written = countOutboxRows(before);

        int indexed = drainOnBoth(instance -> bean(instance, SearchIndexer.class).drainBatch());

        assertTrue(written >= 60, "outbox rows written: " + written);
        assertEquals(written, indexed, "rows processed by the two instances together");
    }

    @Test
    void eachMailIsSentOnce() throws Exception {
        drainOnBoth(instance -> bean(instance, MailSender.class).sendDueMails());
        String recipient = "deux-instances-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        MailService mail = bean(first, MailService.class);
        for (int i = 0; i < 12; i++) {
            mail.queue(recipient, "Message " + i, "invitation", Map.of("displayName", "Alix", "invitedBy", "Admin",
                "roleLabel", "acheteur", "expiresOn", "1 janvier 2027", "link", "http://localhost/invitation/x"));
        }

        int delivered = drainOnBoth(instance -> bean(instance, MailSender.class).sendDueMails());

        assertEquals(12, delivered);
        // SMTP delivery is synchronous: once both senders found nothing left, the catcher holds every mail sent
        assertEquals(12, MailCatcher.mailsOf(recipient).size(), "no mail sent twice");
    }

    @Test
    void theRetentionJobOfBothInstancesNoticesAnInactiveProfileOnce() throws Exception {
        DirectoryService directory = bean(first, DirectoryService.class);
        Supplier supplier = TestSuppliers.publish(directory);
        String email = directory.view(supplier).contact().email();
        ageProfile(supplier.id());

        drainOnBoth(instance -> bean(instance, RetentionJob.class).runOnce().noticed());
        bean(second, RetentionJob.class).runOnce();
        drainOnBoth(instance -> bean(instance, MailSender.class).sendDueMails());

        long notices = MailCatcher.mailsOf(email).stream().filter(m -> m.subject().contains("garder votre fiche")).count();
        assertEquals(1, notices, "one notice, whichever instance ran the job");
    }

    @SuppressWarnings("unchecked")
    private long countOutboxRows(long afterId) {
        JdbcOperations jdbc = bean(first, JdbcOperations.class);
        return ((TransactionOperations<Connection>) bean(first, TransactionOperations.class)).executeRead(status -> jdbc.prepareStatement(
            "SELECT count(*) FROM search_outbox WHERE id > ?", statement -> {
                statement.setLong(1, afterId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }));
    }

    /** Three years and more without activity, as if nobody had touched the profile since. */
    @SuppressWarnings("unchecked")
    private void ageProfile(long supplierId) {
        JdbcOperations jdbc = bean(first, JdbcOperations.class);
        ((TransactionOperations<Connection>) bean(first, TransactionOperations.class)).executeWrite(status ->
            jdbc.prepareStatement("UPDATE supplier SET last_activity_at = ? WHERE id = ?", statement -> {
                statement.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(4 * 365))));
                statement.setLong(2, supplierId);
                return statement.executeUpdate();
            }));
    }
}
