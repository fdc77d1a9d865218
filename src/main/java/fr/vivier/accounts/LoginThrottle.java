package fr.vivier.accounts;

import fr.vivier.shared.SecretTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing without letting an attacker lock a real user out: failures are counted per
 * (account, IP) pair (tight limit), per IP (any account) and per account from all IPs (a high limit, for
 * distributed attacks). A browser that signed in to the account before carries a device cookie and is only
 * limited by its own failures, so a distributed attack never locks the owner out of their usual browser.
 * All limits use a sliding window, so a block ends by itself after the window.
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

    /** How long a browser that signed in stays trusted for that account. */
    static final Duration DEVICE_TRUST = Duration.ofDays(180);

    /** One sign-in attempt: the account asked for, the address, and the browser's device token if it is trusted. */
    record Attempt(String accountKey, String ip, @Nullable String deviceToken, @Nullable String trustedDeviceHash) { }

    /** Looks the device token up once, for the whole attempt. */
    Attempt attempt(String email, String ip, @Nullable String deviceToken) {
        String key = key(email);
        return new Attempt(key, ip, deviceToken, trustedDeviceHash(key, deviceToken));
    }

    /**
     * A browser holding a device token of this account (it signed in before) only answers for its own failures;
     * any other client is limited per (account, IP), per IP and per account.
     */
    boolean isBlocked(Attempt attempt) {
        Instant since = clock.instant().minus(configuration.getWindow());
        if (attempt.trustedDeviceHash() != null) {
            return failures.countForAccountAndDevice(attempt.accountKey(), attempt.trustedDeviceHash(), since)
                >= configuration.getMaxFailuresPerAccountAndIp();
        }
        return failures.countForAccountAndIp(attempt.accountKey(), attempt.ip(), since) >= configuration.getMaxFailuresPerAccountAndIp()
            || failures.countForIp(attempt.ip(), since) >= configuration.getMaxFailuresPerIp()
            || failures.countForAccount(attempt.accountKey(), since) >= configuration.getMaxFailuresPerAccount();
    }

    void recordFailure(Attempt attempt) {
        failures.save(new LoginFailure(null, attempt.accountKey(), attempt.ip(), clock.instant(), attempt.trustedDeviceHash()));
    }

    /** Clears the failures of this client and returns the device token this browser keeps for the account. */
    String recordSuccess(Attempt attempt) {
        failures.clear(attempt.accountKey(), attempt.ip());
        if (attempt.trustedDeviceHash() != null) {
            return attempt.deviceToken();
        }
        String token = SecretTokens.newSecret();
        failures.trustDevice(SecretTokens.sha256(token), attempt.accountKey(), clock.instant());
        return token;
    }

    @Nullable
    private String trustedDeviceHash(String accountKey, @Nullable String deviceToken) {
        if (deviceToken == null || deviceToken.isBlank() || deviceToken.length() > 100) {
            return null;
        }
        String hash = SecretTokens.sha256(deviceToken);
        return failures.isTrustedDevice(hash, accountKey, clock.instant().minus(DEVICE_TRUST)) ? hash : null;
    }

    @Scheduled(fixedDelay = "15m", initialDelay = "2m")
    void forgetOldFailures() {
        failures.deleteOlderThan(clock.instant().minus(configuration.getWindow()).minusSeconds(60));
        failures.forgetDevicesOlderThan(clock.instant().minus(DEVICE_TRUST));
    }

    private static String key(String email) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 254 ? key.substring(0, 254) : key;
    }
}
