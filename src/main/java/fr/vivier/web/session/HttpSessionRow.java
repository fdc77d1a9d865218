package fr.vivier.web.session;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("http_session")
record HttpSessionRow(@Id String id, Instant createdAt, Instant lastAccessedAt, int maxInactiveSeconds,
                      String attributes) {
}
