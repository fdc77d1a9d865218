package fr.vivier.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Limits anonymous form posts (registration, recontact, link requests) per IP over a sliding hour,
 * shared by all instances through PostgreSQL. Over the limit the caller answers 429 in French.
 */
@Singleton
public class FormRateLimiter {
    private static final Duration WINDOW = Duration.ofHours(1);
    private final FormSubmissionRepository submissions;
    private final Clock clock;
    private final int maxPerHour;

    FormRateLimiter(FormSubmissionRepository submissions, Clock clock, @Value("${vivier.forms.max-per-ip-per-hour:20}") int maxPerHour) {
        this.submissions = submissions;
        this.clock = clock;
        this.maxPerHour = maxPerHour;
    }

    /** Records the attempt and says whether it is allowed. */
    @Transactional
    public boolean tryAcquire(String form, String ip) {
        Instant now = clock.instant();
        if (submissions.countSince(form, ip, now.minus(WINDOW), maxPerHour) >= maxPerHour) {
            return false;
        }
        submissions.record(form, ip, now);
        return true;
    }

    @Scheduled(fixedDelay = "30m", initialDelay = "3m")
    @Transactional
    void forgetOldSubmissions() {
        submissions.deleteBefore(clock.instant().minus(WINDOW).minusSeconds(60));
    }
}
