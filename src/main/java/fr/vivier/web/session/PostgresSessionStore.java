package fr.vivier.web.session;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.session.InMemorySessionStore;
import io.micronaut.session.Session;
import io.micronaut.session.SessionConfiguration;
import io.micronaut.session.SessionIdGenerator;
import io.micronaut.session.SessionStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Sessions in PostgreSQL, so that the application stays stateless: any instance serves any request and a
 * restart signs nobody out. JDBC calls run on the blocking executor, never on the event loop.
 */
@Singleton
@Replaces(InMemorySessionStore.class)
public class PostgresSessionStore implements SessionStore<Session> {
    /** Writing the access time on every request would turn each page view into a write; once a minute is enough. */
    private static final Duration TOUCH_PRECISION = Duration.ofMinutes(1);

    private final HttpSessionRepository repository;
    private final SessionIdGenerator idGenerator;
    private final SessionConfiguration configuration;
    private final JsonMapper jsonMapper;
    private final ExecutorService executor;
    private final Clock clock;
    private final Duration absoluteLifetime;

    PostgresSessionStore(HttpSessionRepository repository, SessionIdGenerator idGenerator,
                         SessionConfiguration configuration, JsonMapper jsonMapper,
                         @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock,
                         @Value("${vivier.session.absolute-lifetime:12h}") Duration absoluteLifetime) {
        this.absoluteLifetime = absoluteLifetime;
        this.repository = repository;
        this.idGenerator = idGenerator;
        this.configuration = configuration;
        this.jsonMapper = jsonMapper;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Session newSession() {
        return new PersistedSession(idGenerator.generateId(), clock, configuration.getMaxInactiveInterval());
    }

    @Override
    public CompletableFuture<Optional<Session>> findSession(String id) {
        return CompletableFuture.supplyAsync(() -> load(id), executor);
    }

    @Override
    public CompletableFuture<Boolean> deleteSession(String id) {
        return CompletableFuture.supplyAsync(() -> repository.deleteById(id) > 0, executor);
    }

    @Override
    public CompletableFuture<Session> save(Session session) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, String> attributes = session instanceof PersistedSession persisted
                ? persisted.attributesAsStrings() : Map.of();
            repository.upsert(session.getId(), session.getCreationTime(), clock.instant(),
                (int) session.getMaxInactiveInterval().toSeconds(), toJson(attributes));
            return session;
        }, executor);
    }

    /** Used at logout: the row goes away, so the old cookie is worth nothing afterwards. */
    public void delete(String id) {
        repository.deleteById(id);
    }

    /** A disabled account is signed out everywhere at once: every session it holds goes. */
    public void deleteAllOfAccount(long accountId) {
        repository.deleteByAccountId(Long.toString(accountId));
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void deleteExpiredSessions() {
        Instant now = clock.instant();
        repository.deleteExpired(now, now.minus(absoluteLifetime));
    }

    private Optional<Session> load(String id) {
        if (id.length() > 64) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return repository.findById(id).flatMap(row -> {
            Instant expiry = row.lastAccessedAt().plusSeconds(row.maxInactiveSeconds());
            // an absolute lifetime too: a stolen cookie kept busy does not live forever
            if (expiry.isBefore(now) || row.createdAt().plus(absoluteLifetime).isBefore(now)) {
                repository.deleteById(id);
                return Optional.empty();
            }
            if (row.lastAccessedAt().plus(TOUCH_PRECISION).isBefore(now)) {
                repository.touch(id, now);
            }
            return Optional.of(new PersistedSession(row.id(), clock, row.createdAt(), now,
                Duration.ofSeconds(row.maxInactiveSeconds()), fromJson(row.attributes())));
        });
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return jsonMapper.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> fromJson(String json) {
        try {
            return jsonMapper.readValue(json, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
