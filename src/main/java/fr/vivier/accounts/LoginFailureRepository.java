package fr.vivier.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginFailureRepository extends CrudRepository<LoginFailure, Long> {

    @Query("SELECT count(*) FROM login_failure WHERE account_key = :accountKey AND ip = :ip AND failed_at > :since")
    long countForAccountAndIp(String accountKey, String ip, Instant since);

    @Query("SELECT count(*) FROM login_failure WHERE account_key = :accountKey AND device_hash = :deviceHash AND failed_at > :since")
    long countForAccountAndDevice(String accountKey, String deviceHash, Instant since);

    @Query(value = "SELECT EXISTS (SELECT 1 FROM login_device WHERE token_hash = :tokenHash AND account_key = :accountKey AND created_at > :since)")
    boolean isTrustedDevice(String tokenHash, String accountKey, Instant since);

    @Query("INSERT INTO login_device (token_hash, account_key, created_at) VALUES (:tokenHash, :accountKey, :now) ON CONFLICT DO NOTHING")
    void trustDevice(String tokenHash, String accountKey, Instant now);

    @Query("DELETE FROM login_device WHERE created_at < :before")
    void forgetDevicesOlderThan(Instant before);

    @Query("SELECT count(*) FROM login_failure WHERE ip = :ip AND failed_at > :since")
    long countForIp(String ip, Instant since);

    @Query("SELECT count(*) FROM login_failure WHERE account_key = :accountKey AND failed_at > :since")
    long countForAccount(String accountKey, Instant since);

    @Query("DELETE FROM login_failure WHERE account_key = :accountKey AND ip = :ip")
    void clear(String accountKey, String ip);

    @Query("DELETE FROM login_failure WHERE failed_at < :before")
    void deleteOlderThan(Instant before);
}
