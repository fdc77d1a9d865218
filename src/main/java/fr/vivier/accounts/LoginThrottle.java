package fr.vivier.accounts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing without letting an attacker lock a real user out: failures are counted per
 * (account, IP) pair (tight limit), per IP (any account) and per account from all IPs (a high limit, for
 * distributed attacks). All limits use a sliding window, so a block ends by itself after the window.
 * The counts live in PostgreSQL so that every instance sees the same ones.
 */
@Singleton
class LoginThrottle {
    private final LoginFailureRepository failures;
    private final LoginThrottleConfiguration configuration;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, LoginThrottleConfiguration configuration, Clock clock) {
        this.failures = failures;
        this.configuration = configuration;
        this.clock = clock;
    }

    boolean isBlocked(String email, String ip) {
        String key = key(email);
        Instant since = clock.instant().minus(configuration.getWindow());
        return failures.countForAccountAndIp(key, ip, since) >= configuration.getMaxFailuresPerAccountAndIp()
            || failures.countForIp(ip, since) >= configuration.getMaxFailuresPerIp()
            || failures.countForAccount(key, since) >= configuration.getMaxFailuresPerAccount();
    }

    void recordFailure(String email, String ip) {
        failures.save(new LoginFailure(null, key(email), ip, clock.instant()));
    }

    void recordSuccess(String email, String ip) {
        failures.clear(key(email), ip);
    }

    @Scheduled(fixedDelay = "15m", initialDelay = "2m")
    void forgetOldFailures() {
        failures.deleteOlderThan(clock.instant().minus(configuration.getWindow()).minusSeconds(60));
    }

    private static String key(String email) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 254 ? key.substring(0, 254) : key;
    }
}
