package fr.vivier.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Limits anonymous form posts (registration, recontact, link requests) per IP over a sliding hour,
 * shared by all instances through PostgreSQL. Over the limit the caller answers 429 in French.
 */
@Singleton
public class FormRateLimiter {
    private static final Duration WINDOW = Duration.ofHours(1);
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final int maxPerHour;

    FormRateLimiter(JdbcOperations jdbc, Clock clock, @Value("${vivier.forms.max-per-ip-per-hour:20}") int maxPerHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxPerHour = maxPerHour;
    }

    /** Records the attempt and says whether it is allowed. */
    @Transactional
    public boolean tryAcquire(String form, String ip) {
        Instant now = clock.instant();
        // counting stops at the limit: the cost stays the same however many posts an address sends
        long recent = jdbc.prepareStatement("""
            SELECT count(*) FROM (SELECT 1 FROM form_submission WHERE form = ? AND ip = ? AND submitted_at > ? LIMIT ?) AS recent""",
            statement -> {
                statement.setString(1, form);
                statement.setString(2, ip);
                statement.setTimestamp(3, Timestamp.from(now.minus(WINDOW)));
                statement.setInt(4, maxPerHour);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        if (recent >= maxPerHour) {
            return false;
        }
        jdbc.prepareStatement("INSERT INTO form_submission (form, ip, submitted_at) VALUES (?, ?, ?)", statement -> {
            statement.setString(1, form);
            statement.setString(2, ip);
            statement.setTimestamp(3, Timestamp.from(now));
            return statement.executeUpdate();
        });
        return true;
    }

    @Scheduled(fixedDelay = "30m", initialDelay = "3m")
    @Transactional
    void forgetOldSubmissions() {
        jdbc.prepareStatement("DELETE FROM form_submission WHERE submitted_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant().minus(WINDOW).minusSeconds(60)));
            return statement.executeUpdate();
        });
    }
}
