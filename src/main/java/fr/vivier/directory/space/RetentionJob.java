package fr.vivier.directory.space;

import fr.vivier.directory.DirectoryConfiguration;
import fr.vivier.directory.DirectoryRepositories;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.shared.JobLocks;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Retention of the directory's personal data: a profile without any sign of life for
 * {@code vivier.directory.retention-inactivity} (3 years) is asked by mail whether to keep it, and erased when
 * nobody answers within {@code vivier.directory.retention-grace} (30 days).
 */
@Singleton
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final String LOCK = "retention";

    private final DirectoryRepositories.Suppliers suppliers;
    private final DirectoryService directory;
    private final SupplierSpaceService space;
    private final DirectoryConfiguration configuration;
    private final JobLocks locks;
    private final Clock clock;

    RetentionJob(DirectoryRepositories.Suppliers suppliers, DirectoryService directory, SupplierSpaceService space,
                 DirectoryConfiguration configuration, JobLocks locks, Clock clock) {
        this.suppliers = suppliers;
        this.directory = directory;
        this.space = space;
        this.configuration = configuration;
        this.locks = locks;
        this.clock = clock;
    }

    /** What a run did; {@code ran} is false when another instance held the lock. */
    public record Outcome(boolean ran, int noticed, int erased) { }

    @Scheduled(fixedDelay = "6h", initialDelay = "15m")
    void runOnSchedule() {
        try {
            Outcome outcome = runOnce();
            if (outcome.noticed() > 0 || outcome.erased() > 0) {
                LOG.info("retention: {} notice(s) sent, {} profile(s) erased", outcome.noticed(), outcome.erased());
            }
        } catch (RuntimeException e) {
            LOG.error("retention job failed", e);
        }
    }

    /** Erases the profiles whose notice went unanswered, then notices the newly inactive ones, in one transaction. */
    @Transactional
    public Outcome runOnce() {
        if (!locks.tryTake(LOCK)) {
            return new Outcome(false, 0, 0);
        }
        Instant now = clock.instant();
        int erased = eraseUnanswered(now.minus(configuration.getRetentionGrace()));
        int noticed = sendNotices(now.minus(configuration.getRetentionInactivity()));
        return new Outcome(true, noticed, erased);
    }

    private int eraseUnanswered(Instant noticedBefore) {
        int erased = 0;
        for (List<Supplier> batch = suppliers.findNoticedBefore(noticedBefore); !batch.isEmpty();
             batch = suppliers.findNoticedBefore(noticedBefore)) {
            for (Supplier supplier : batch) {
                directory.erase(supplier.id(), SupplierSpaceService.ACTOR_RETENTION);
                erased++;
            }
        }
        return erased;
    }

    private int sendNotices(Instant inactiveSince) {
        int noticed = 0;
        for (List<Supplier> batch = suppliers.findInactiveWithoutNotice(inactiveSince); !batch.isEmpty();
             batch = suppliers.findInactiveWithoutNotice(inactiveSince)) {
            for (Supplier supplier : batch) {
                space.sendRetentionNotice(supplier);
                noticed++;
            }
        }
        return noticed;
    }
}
