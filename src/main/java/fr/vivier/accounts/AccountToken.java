package fr.vivier.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A single-use link sent by email. Only the SHA-256 of the secret is stored. */
@MappedEntity("account_token")
record AccountToken(
    @Id @GeneratedValue @Nullable Long id,
    Long accountId,
    String tokenHash,
    String purpose,
    Instant expiresAt,
    @Nullable Instant usedAt,
    Instant createdAt) {

    static final String SET_PASSWORD = "SET_PASSWORD";

    boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
