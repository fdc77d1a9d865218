package fr.vivier.programming;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** What the programming alerts remember: the lines already mailed to each supplier, who unsubscribed, who wants them weekly. */
@Singleton
class ProgrammingAlertsRepository {
    private final JdbcOperations jdbc;

    ProgrammingAlertsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void unsubscribe(long supplierId, Instant at) {
        jdbc.prepareStatement("INSERT INTO programming_alert_unsubscribed (supplier_id, unsubscribed_at) VALUES (?, ?) "
            + "ON CONFLICT (supplier_id) DO NOTHING", statement -> {
                statement.setLong(1, supplierId);
                statement.setTimestamp(2, Timestamp.from(at));
                return statement.executeUpdate();
            });
    }

    void resubscribe(long supplierId) {
        jdbc.prepareStatement("DELETE FROM programming_alert_unsubscribed WHERE supplier_id = ?", statement -> {
            statement.setLong(1, supplierId);
            return statement.executeUpdate();
        });
    }

    boolean unsubscribed(long supplierId) {
        return !unsubscribed(Set.of(supplierId)).isEmpty();
    }

    void chooseFrequency(long supplierId, AlertChoice frequency, Instant at) {
        jdbc.prepareStatement("""
            INSERT INTO programming_alert_frequency (supplier_id, frequency, chosen_at) VALUES (?, ?, ?)
            ON CONFLICT (supplier_id) DO UPDATE SET frequency = EXCLUDED.frequency, chosen_at = EXCLUDED.chosen_at""", statement -> {
            statement.setLong(1, supplierId);
            statement.setString(2, frequency.name());
            statement.setTimestamp(3, Timestamp.from(at));
            return statement.executeUpdate();
        });
    }

    /** Among these suppliers, those who want a weekly digest. */
    Set<Long> weekly(Set<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement("SELECT supplier_id FROM programming_alert_frequency WHERE supplier_id = ANY (?) AND frequency = 'WEEKLY'",
            statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bigint", supplierIds.toArray()));
                return ids(statement.executeQuery());
            });
    }

    /** Among these (weekly) suppliers, those who got a digest after {@code since}: they wait for their week. */
    Set<Long> weeklyNotDue(Set<Long> weeklySupplierIds, Instant since) {
        if (weeklySupplierIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement("""
            SELECT DISTINCT supplier_id FROM programming_alert_sent WHERE supplier_id = ANY (?) AND sent_at > ?""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", weeklySupplierIds.toArray()));
            statement.setTimestamp(2, Timestamp.from(since));
            return ids(statement.executeQuery());
        });
    }

    Set<Long> alreadySent(long lineId) {
        return jdbc.prepareStatement("SELECT supplier_id FROM programming_alert_sent WHERE line_id = ?", statement -> {
            statement.setLong(1, lineId);
            return ids(statement.executeQuery());
        });
    }

    Set<Long> unsubscribed(Set<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement("SELECT supplier_id FROM programming_alert_unsubscribed WHERE supplier_id = ANY (?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", supplierIds.toArray()));
            return ids(statement.executeQuery());
        });
    }

    /** Marks the lines of one digest as sent to the supplier, in one statement whatever their number. */
    void recordSent(Collection<Long> lineIds, long supplierId, Instant at) {
        if (lineIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO programming_alert_sent (line_id, supplier_id, sent_at) SELECT line_id, ?, ? "
            + "FROM unnest(?::bigint[]) AS line_id ON CONFLICT DO NOTHING", statement -> {
                statement.setLong(1, supplierId);
                statement.setTimestamp(2, Timestamp.from(at));
                statement.setArray(3, statement.getConnection().createArrayOf("bigint", lineIds.toArray()));
                return statement.executeUpdate();
            });
    }

    private static Set<Long> ids(ResultSet rows) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (rows) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
