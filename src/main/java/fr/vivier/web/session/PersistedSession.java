package fr.vivier.web.session;

import io.micronaut.session.InMemorySession;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A session whose attributes are plain strings, so that it can be stored as JSON in PostgreSQL. */
class PersistedSession extends InMemorySession {

    /** A new session, created at {@code now} by the application's clock (its absolute lifetime counts from there). */
    PersistedSession(String id, Instant now, Duration maxInactiveInterval) {
        super(id, now, maxInactiveInterval);
        this.lastAccessTime = now;
    }

    PersistedSession(String id, Instant creationTime, Instant lastAccessTime, Duration maxInactiveInterval,
                     Map<String, String> attributes) {
        super(id, creationTime, maxInactiveInterval);
        attributes.forEach(attributeMap::put);
        this.lastAccessTime = lastAccessTime;
        setNew(false);
    }

    Map<String, String> attributesAsStrings() {
        Map<String, String> values = new TreeMap<>();
        attributeMap.forEach((name, value) -> {
            if (value != null) {
                values.put(name.toString(), value.toString());
            }
        });
        return values;
    }
}
