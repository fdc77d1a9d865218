package fr.vivier.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Writes the security journal (table security_event) and a log line with ids only. */
@Singleton
public class SecurityAudit {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);
    private final SecurityEventRepository repository;
    private final Clock clock;

    SecurityAudit(SecurityEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void record(String kind, @Nullable Long accountId, @Nullable Long actorId, @Nullable String ip,
                       @Nullable String detail) {
        repository.save(new SecurityEvent(null, clock.instant(), kind, accountId, actorId, ip,
            detail == null ? null : truncate(detail)));
        LOG.info("security event {} account={} actor={}", kind, accountId, actorId);
    }

    /** How many events of this kind the account caused since then (e.g. exports in the last hour). */
    public long countSince(String kind, long accountId, Instant since) {
        return repository.countByKindAndAccountIdAndOccurredAtAfter(kind, accountId, since);
    }

    /** The journal is kept one year (see the personal data page). */
    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    void forgetEventsOlderThanOneYear() {
        repository.deleteOlderThan(clock.instant().minus(Duration.ofDays(366)));
    }

    private static String truncate(String detail) {
        return detail.length() > 500 ? detail.substring(0, 500) : detail;
    }
}
