package fr.vivier.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountTokenRepository extends CrudRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    /** Marks the token used unless it already was: the row count tells who won a race. */
    @Query("UPDATE account_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
    int markUsed(Long id, Instant now);

    @Query("UPDATE account_token SET used_at = :now WHERE account_id = :accountId AND used_at IS NULL")
    void revokeAllOf(Long accountId, Instant now);
}
