package fr.vivier.web.session;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HttpSessionRepository extends GenericRepository<HttpSessionRow, String> {

    Optional<HttpSessionRow> findById(String id);

    @Query("""
        INSERT INTO http_session (id, created_at, last_accessed_at, max_inactive_seconds, attributes)
        VALUES (:id, :createdAt, :lastAccessedAt, :maxInactiveSeconds, :attributes)
        ON CONFLICT (id) DO UPDATE SET last_accessed_at = EXCLUDED.last_accessed_at,
            max_inactive_seconds = EXCLUDED.max_inactive_seconds, attributes = EXCLUDED.attributes""")
    void upsert(String id, Instant createdAt, Instant lastAccessedAt, int maxInactiveSeconds, String attributes);

    @Query("UPDATE http_session SET last_accessed_at = :lastAccessedAt WHERE id = :id")
    void touch(String id, Instant lastAccessedAt);

    @Query("DELETE FROM http_session WHERE id = :id")
    int deleteById(String id);

    @Query("""
        DELETE FROM http_session
        WHERE last_accessed_at + make_interval(secs => max_inactive_seconds) < :now OR created_at < :createdBefore""")
    int deleteExpired(Instant now, Instant createdBefore);

    @Query("DELETE FROM http_session WHERE attributes::jsonb ->> 'accountId' = :accountId")
    int deleteByAccountId(String accountId);
}
