package fr.vivier.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed signatures (HMAC-SHA256) of data a page carries from one request to the next, so that what comes back is
 * what the portal sent. The keys are random, made at first use and kept in PostgreSQL, so every instance signs
 * and checks with the same key without any configuration.
 */
@Singleton
public class ServerKeys {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ServerKeys(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The hexadecimal HMAC-SHA256 of the content under the named key. */
    public String sign(String keyName, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.computeIfAbsent(keyName, this::load), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String keyName, byte[] content, String signature) {
        return MessageDigest.isEqual(sign(keyName, content).getBytes(StandardCharsets.US_ASCII), signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] load(String keyName) {
        return transactions.executeWrite(status -> insertOrRead(keyName));
    }

    private byte[] insertOrRead(String keyName) {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        jdbc.prepareStatement("INSERT INTO server_key (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", statement -> {
            statement.setString(1, keyName);
            statement.setBytes(2, candidate);
            return statement.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT secret FROM server_key WHERE name = ?", statement -> {
            statement.setString(1, keyName);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        });
    }
}
