package fr.vivier.health;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Borrows a connection and checks it; any failure means the database is down. */
@Singleton
class DatabaseProbe {
    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Connectable
    void check() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!connection.isValid(2)) {
            throw new SQLException("connexion invalide");
        }
    }
}
