package fr.vivier.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Writes a change event for the search index in the caller's transaction. The directory never calls
 * Elasticsearch: the search feature drains this table, so the directory works while search is down.
 */
@Singleton
public class SearchOutbox {
    private final JdbcOperations jdbc;

    SearchOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void supplierChanged(long supplierId) {
        jdbc.prepareStatement("INSERT INTO search_outbox (entity, entity_id) VALUES ('supplier', ?)", statement -> {
            statement.setLong(1, supplierId);
            return statement.executeUpdate();
        });
    }
}
