package fr.vivier.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("login_failure")
record LoginFailure(@Id @GeneratedValue @Nullable Long id, String accountKey, String ip, Instant failedAt,
                    @Nullable String deviceHash) {
}
