package fr.vivier.web;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed signatures (HMAC-SHA256) of data a page carries from one request to the next, so that what comes back is
 * what the portal sent. The keys are random, made at first use and kept in PostgreSQL, so every instance signs
 * and checks with the same key without any configuration.
 */
@Singleton
public class ServerKeys {
    private final ServerKeyRepository repository;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ServerKeys(ServerKeyRepository repository) {
        this.repository = repository;
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
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        return repository.insertOrFind(keyName, candidate);
    }
}
