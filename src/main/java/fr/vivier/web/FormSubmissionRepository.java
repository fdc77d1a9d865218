package fr.vivier.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;

/** Anonymous form posts per IP address, kept an hour for rate limiting. */
@Singleton
class FormSubmissionRepository {
    private final JdbcOperations jdbc;

    FormSubmissionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** How many posts of this form came from this address since {@code since}, counting no further than {@code limit}. */
    long countSince(String form, String ip, Instant since, int limit) {
        // counting stops at the limit: the cost stays the same however many posts an address sends
        return jdbc.prepareStatement("""
            SELECT count(*) FROM (SELECT 1 FROM form_submission WHERE form = ? AND ip = ? AND submitted_at > ? LIMIT ?) AS recent""",
            statement -> {
                statement.setString(1, form);
                statement.setString(2, ip);
                statement.setTimestamp(3, Timestamp.from(since));
                statement.setInt(4, limit);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
    }

    void record(String form, String ip, Instant at) {
        jdbc.prepareStatement("INSERT INTO form_submission (form, ip, submitted_at) VALUES (?, ?, ?)", statement -> {
            statement.setString(1, form);
            statement.setString(2, ip);
            statement.setTimestamp(3, Timestamp.from(at));
            return statement.executeUpdate();
        });
    }

    void deleteBefore(Instant before) {
        jdbc.prepareStatement("DELETE FROM form_submission WHERE submitted_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(before));
            return statement.executeUpdate();
        });
    }
}
