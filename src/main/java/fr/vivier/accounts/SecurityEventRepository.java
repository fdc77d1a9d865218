package fr.vivier.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SecurityEventRepository extends CrudRepository<SecurityEvent, Long> {

    Page<SecurityEvent> findAll(Pageable pageable);

    @Query("DELETE FROM security_event WHERE occurred_at < :before")
    void deleteOlderThan(Instant before);

    long countByKindAndAccountIdAndOccurredAtAfter(String kind, Long accountId, Instant since);

    List<SecurityEvent> findByKindAndAccountIdOrderByIdDesc(String kind, Long accountId);
}
