package fr.vivier.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The portal's signing keys, one per name, shared by every instance. */
@Singleton
class ServerKeyRepository {
    private final JdbcOperations jdbc;

    ServerKeyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the candidate unless a key of that name exists, and returns the key that won. */
    @Transactional
    byte[] insertOrFind(String name, byte[] candidate) {
        jdbc.prepareStatement("INSERT INTO server_key (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", statement -> {
            statement.setString(1, name);
            statement.setBytes(2, candidate);
            return statement.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT secret FROM server_key WHERE name = ?", statement -> {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        });
    }
}
