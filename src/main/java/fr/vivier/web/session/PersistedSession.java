package fr.vivier.web.session;

import io.micronaut.session.InMemorySession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A session whose attributes are plain strings, so that it can be stored as JSON in PostgreSQL. */
class PersistedSession extends InMemorySession {

    private final Clock clock;

    /** A new session, created now by the application's clock (its absolute lifetime counts from there). */
    PersistedSession(String id, Clock clock, Duration maxInactiveInterval) {
        super(id, clock.instant(), maxInactiveInterval);
        this.clock = clock;
        this.lastAccessTime = clock.instant();
    }

    PersistedSession(String id, Clock clock, Instant creationTime, Instant lastAccessTime, Duration maxInactiveInterval,
                     Map<String, String> attributes) {
        super(id, creationTime, maxInactiveInterval);
        this.clock = clock;
        attributes.forEach(attributeMap::put);
        this.lastAccessTime = lastAccessTime;
        setNew(false);
    }

    /** Judged on the application's clock like everything else (the framework's default reads the system time). */
    @Override
    public boolean isExpired() {
        Duration maxInactive = getMaxInactiveInterval();
        return maxInactive != null && !maxInactive.isNegative()
            && clock.instant().minus(maxInactive).compareTo(getLastAccessedTime()) >= 0;
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
