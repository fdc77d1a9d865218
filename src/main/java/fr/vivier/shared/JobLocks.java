package fr.vivier.shared;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PostgreSQL advisory locks named after what they protect (« retention », « reference-data »…), so that one
 * instance at a time runs a scheduled job or a start-up load. They belong to the caller's transaction: call
 * inside it; the lock goes with its commit or rollback.
 */
@Singleton
public class JobLocks {
    private final JdbcOperations jdbc;

    JobLocks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock unless another transaction holds it; false then (the job is running elsewhere). */
    public boolean tryTake(String name) {
        return jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, key(name));
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        });
    }

    /** Waits until the lock is free, then takes it. */
    public void take(String name) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, key(name));
            return statement.execute();
        });
    }

    /** The 64-bit key of a name: the first bytes of its SHA-256, the same on every instance. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("vivier:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
