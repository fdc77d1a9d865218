package fr.vivier.programming;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
class InterestRepository {
    private static final String COLUMNS = "id, line_id, lot_id, supplier_id, role, message, visible, created_at";

    private final JdbcOperations jdbc;

    InterestRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when this supplier already has an active interest in this line (or lot). */
    Optional<Long> insert(long lineId, Long lotId, long supplierId, Vocabulary.InterestRole role, String message, boolean visible,
                          Instant now) {
        return jdbc.prepareStatement("""
            INSERT INTO programming_interest (line_id, lot_id, supplier_id, role, message, visible, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (line_id, COALESCE(lot_id, 0), supplier_id) WHERE withdrawn_at IS NULL DO NOTHING RETURNING id""", statement -> {
            statement.setLong(1, lineId);
            statement.setObject(2, lotId, Types.BIGINT);
            statement.setLong(3, supplierId);
            statement.setString(4, role.name());
            statement.setString(5, message);
            statement.setBoolean(6, visible);
            statement.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    boolean withdraw(long id, long supplierId, Instant now) {
        return jdbc.prepareStatement("UPDATE programming_interest SET withdrawn_at = ? WHERE id = ? AND supplier_id = ? "
            + "AND withdrawn_at IS NULL", statement -> {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setLong(2, id);
                statement.setLong(3, supplierId);
                return statement.executeUpdate() == 1;
            });
    }

    List<Interest> activeOnLine(long lineId) {
        return query("SELECT " + COLUMNS + " FROM programming_interest WHERE line_id = ? AND withdrawn_at IS NULL ORDER BY created_at, id",
            lineId);
    }

    List<Interest> activeOfSupplierOnLine(long supplierId, long lineId) {
        return activeOnLine(lineId).stream().filter(interest -> interest.supplierId() == supplierId).toList();
    }

    private List<Interest> query(String sql, long parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, parameter);
            List<Interest> interests = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    interests.add(interest(rows));
                }
            }
            return interests;
        });
    }

    private static Interest interest(ResultSet rows) throws SQLException {
        return new Interest(rows.getLong(1), rows.getLong(2), (Long) rows.getObject(3, Long.class), rows.getLong(4),
            Vocabulary.InterestRole.valueOf(rows.getString(5)), rows.getString(6), rows.getBoolean(7), rows.getTimestamp(8).toInstant());
    }
}
