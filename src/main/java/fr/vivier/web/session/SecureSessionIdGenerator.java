package fr.vivier.web.session;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.session.DefaultSessionIdGenerator;
import io.micronaut.session.SessionIdGenerator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/** 256 random bits per session id (the default generator uses UUIDs: 122 bits). */
@Singleton
@Replaces(DefaultSessionIdGenerator.class)
class SecureSessionIdGenerator implements SessionIdGenerator {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String generateId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
