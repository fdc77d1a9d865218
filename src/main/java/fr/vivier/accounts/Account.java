package fr.vivier.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("account")
public record Account(
    @Id @GeneratedValue @Nullable Long id,
    String email,
    String displayName,
    Role role,
    @Nullable String direction,
    @Nullable String passwordHash,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

    public boolean canSignIn() {
        return enabled && passwordHash != null;
    }

    Account withPasswordHash(String hash, Instant now) {
        return new Account(id, email, displayName, role, direction, hash, enabled, createdAt, now);
    }

    Account withEnabled(boolean value, Instant now) {
        return new Account(id, email, displayName, role, direction, passwordHash, value, createdAt, now);
    }
}
