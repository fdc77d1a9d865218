package fr.vivier.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The feed of supplier changes (table search_outbox), written in the caller's transaction. The directory never
 * calls Elasticsearch: search drains this feed through {@link SupplierDirectory}, so the directory works while
 * search is down.
 */
@Singleton
public class SupplierChangeRepository {
    private final JdbcOperations jdbc;

    SupplierChangeRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void supplierChanged(long supplierId) {
        jdbc.prepareStatement("INSERT INTO search_outbox (entity, entity_id) VALUES ('supplier', ?)", statement -> {
            statement.setLong(1, supplierId);
            return statement.executeUpdate();
        });
    }

    /** The oldest pending changes, locked until the caller's transaction ends; another instance skips them. */
    List<SupplierDirectory.Change> lockPending(int limit) {
        return jdbc.prepareStatement("""
            SELECT id, entity_id FROM search_outbox WHERE processed_at IS NULL AND entity = 'supplier'
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", statement -> {
            statement.setInt(1, limit);
            List<SupplierDirectory.Change> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new SupplierDirectory.Change(rows.getLong(1), rows.getLong(2)));
                }
            }
            return changes;
        });
    }

    void markProcessed(Collection<Long> changeIds) {
        jdbc.prepareStatement("UPDATE search_outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = ANY (?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", changeIds.toArray()));
            return statement.executeUpdate();
        });
    }

    SupplierDirectory.Backlog backlog() {
        return jdbc.prepareStatement("SELECT count(*), min(created_at) FROM search_outbox WHERE processed_at IS NULL", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new SupplierDirectory.Backlog(rows.getLong(1),
                    rows.getTimestamp(2) == null ? null : rows.getTimestamp(2).toInstant());
            }
        });
    }

    long lastId() {
        return jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM search_outbox", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    void markPendingSince(long changeId) {
        jdbc.prepareStatement("UPDATE search_outbox SET processed_at = NULL WHERE id > ?", statement -> {
            statement.setLong(1, changeId);
            return statement.executeUpdate();
        });
    }
}
