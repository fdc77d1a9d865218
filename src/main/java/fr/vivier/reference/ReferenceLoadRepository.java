package fr.vivier.reference;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The reference data loader's writes: rows upserted from the CSV files, and the checksum of each file loaded. */
@Singleton
class ReferenceLoadRepository {
    private static final int BATCH = 1000;

    private final JdbcOperations jdbc;

    ReferenceLoadRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The checksum of the file as last loaded; null when it never was. */
    String checksum(String file) {
        return jdbc.prepareStatement("SELECT checksum FROM reference_version WHERE dataset = ?", statement -> {
            statement.setString(1, file);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    void saveChecksum(String file, String checksum) {
        jdbc.prepareStatement("""
            INSERT INTO reference_version (dataset, checksum, loaded_at) VALUES (?, ?, now())
            ON CONFLICT (dataset) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()""", statement -> {
            statement.setString(1, file);
            statement.setString(2, checksum);
            return statement.executeUpdate();
        });
    }

    /**
     * Inserts the rows, or updates those whose key exists: rows are never deleted, because suppliers and purchases
     * point at them. Values are strings, integers, booleans or null (a text column left empty).
     */
    void upsert(String table, String key, List<String> columns, List<List<Object>> rows) {
        String updates = columns.stream().filter(column -> !column.equals(key))
            .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
        jdbc.prepareStatement(sql, statement -> {
            int pending = 0;
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (row.get(i) == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, row.get(i));
                    }
                }
                statement.addBatch();
                if (++pending % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            return statement.executeBatch();
        });
    }
}
