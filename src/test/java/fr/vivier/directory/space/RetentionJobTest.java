package fr.vivier.directory.space;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.shared.JobLocks;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionJobTest implements IntegrationTest {
    private static final Duration THREE_YEARS_AND_A_DAY = Duration.ofDays(3 * 365 + 1);

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    RetentionJob job;
    @Inject
    MutableClock clock;
    @Inject
    JobLocks locks;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void anInactiveProfileIsAskedByMailThenErasedWhenNobodyAnswers() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        job.runOnce();
        assertNull(supplier(registered).retentionNoticeAt(), "an active profile is left alone");

        clock.advance(THREE_YEARS_AND_A_DAY);
        RetentionJob.Outcome noticed = job.runOnce();
        assertTrue(noticed.ran());
        assertTrue(noticed.noticed() >= 1);
        assertNotNull(supplier(registered).retentionNoticeAt());
        assertEquals(SupplierStatus.PUBLISHED, supplier(registered).status());
        MailCatcher.Mail notice = MailCatcher.awaitMail(registered.email(), "garder votre fiche");
        assertTrue(notice.text().contains("Camille Martin"));
        assertTrue(notice.text().contains("/mon-profil/"));

        clock.advance(Duration.ofDays(31));
        RetentionJob.Outcome erased = job.runOnce();
        assertTrue(erased.erased() >= 1);
        Supplier after = supplier(registered);
        assertEquals(SupplierStatus.ERASED, after.status());
        assertNull(directory.view(after).contact());
        assertEquals(404, new WebClient(server.getURI()).get("/fournisseurs/" + after.slug()).statusCode());
        SupplierChildren.HistoryEntry erasure = directory.history(registered.id()).stream()
            .filter(entry -> entry.action().equals("EFFACEMENT")).findFirst().orElseThrow();
        assertEquals("conservation automatique", erasure.actor());
        String line = erasure.actor() + " " + erasure.detail();
        assertFalse(line.contains(registered.email()) || line.contains("Camille"), "no personal data in the history");
    }

    @Test
    void openingTheLinkOfTheNoticeKeepsTheProfile() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        clock.advance(THREE_YEARS_AND_A_DAY);
        job.runOnce();
        String link = SupplierFixtures.awaitProfileLink(registered.email(), 1);

        assertEquals(303, SupplierFixtures.openLink(new WebClient(server.getURI()), link).statusCode());
        Supplier opened = supplier(registered);
        assertNull(opened.retentionNoticeAt());
        assertTrue(Duration.between(opened.lastActivityAt(), clock.instant()).abs().toMinutes() < 5);

        clock.advance(Duration.ofDays(31));
        job.runOnce();
        assertEquals(SupplierStatus.PUBLISHED, supplier(registered).status());
        assertNull(supplier(registered).retentionNoticeAt());
    }

    @Test
    void anUpdateAlsoCountsAsActivity() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        clock.advance(THREE_YEARS_AND_A_DAY);
        job.runOnce();
        assertNotNull(supplier(registered).retentionNoticeAt());

        directory.update(registered.id(), registered.draft().toInput(), DirectoryService.ACTOR_SUPPLIER);
        clock.advance(Duration.ofDays(31));
        job.runOnce();
        assertEquals(SupplierStatus.PUBLISHED, supplier(registered).status());
    }

    @Test
    void anotherInstanceHoldingTheLockMakesTheRunSkip() {
        transactions.executeWrite(status -> {
            assertTrue(locks.tryTake(RetentionJob.LOCK));
            // another thread is another instance: its own transaction, its own connection
            assertFalse(CompletableFuture.supplyAsync(job::runOnce).join().ran());
            return null;
        });
        assertTrue(job.runOnce().ran());
    }

    private Supplier supplier(SupplierFixtures.Registered registered) {
        return directory.find(registered.id()).orElseThrow();
    }
}
