package fr.vivier.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The journal of staff CSV imports (table supplier_import): one row per import, the latest shown on the staff home. */
@Singleton
public class SupplierImportJournalRepository {
    private final JdbcOperations jdbc;

    SupplierImportJournalRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(ImportJournalEntry done) {
        jdbc.prepareStatement("""
            INSERT INTO supplier_import (imported_at, staff_name, file_name, imported, invalid, ignored) VALUES (?, ?, ?, ?, ?, ?)""",
            statement -> {
                statement.setTimestamp(1, Timestamp.from(done.at()));
                statement.setString(2, abbreviate(done.staffName(), 120));
                statement.setString(3, abbreviate(done.fileName() == null ? "" : done.fileName(), 255));
                statement.setInt(4, done.imported());
                statement.setInt(5, done.invalid());
                statement.setInt(6, done.ignored());
                return statement.executeUpdate();
            });
    }

    @Transactional(readOnly = true)
    Optional<ImportJournalEntry> last() {
        return jdbc.prepareStatement("""
            SELECT imported_at, staff_name, file_name, imported, invalid, ignored FROM supplier_import ORDER BY id DESC LIMIT 1""",
            statement -> {
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(new ImportJournalEntry(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3),
                        rows.getInt(4), rows.getInt(5), rows.getInt(6))) : Optional.empty();
                }
            });
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
