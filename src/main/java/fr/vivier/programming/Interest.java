package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** « Ça me concerne »: a supplier's interest in a published line, or in one of its lots. */
public record Interest(long id, long lineId, @Nullable Long lotId, long supplierId, Vocabulary.InterestRole role, String message,
                       boolean visible, Instant createdAt) {
    public String createdOnFrench() {
        return fr.vivier.web.FrenchFormat.date(createdAt);
    }
}
