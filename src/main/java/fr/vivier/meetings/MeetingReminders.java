package fr.vivier.meetings;

import fr.vivier.shared.JobLocks;
import fr.vivier.web.FrenchFormat;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The day before an event (Europe/Paris calendar), each confirmed registration gets a reminder mail, once (reminded_at).
 * One instance at a time (job lock « meeting-reminders »).
 */
@Singleton
public class MeetingReminders {
    private static final Logger LOG = LoggerFactory.getLogger(MeetingReminders.class);
    static final String KEY = "meeting-reminders";
    private static final int BATCH = 500;

    private final MeetingRepository repository;
    private final RegistrationService registrations;
    private final JobLocks locks;
    private final Clock clock;

    MeetingReminders(MeetingRepository repository, RegistrationService registrations, JobLocks locks, Clock clock) {
        this.repository = repository;
        this.registrations = registrations;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${vivier.meetings.reminder-interval:1h}", initialDelay = "${vivier.meetings.reminder-interval:1h}")
    void runOnSchedule() {
        try {
            int mailed = runOnce();
            LOG.info("meeting reminders: {} mail(s) queued", mailed);
        } catch (RuntimeException e) {
            LOG.error("meeting reminders failed", e);
        }
    }

    /** Reminds the registrations to tomorrow's events; the mails and the marks commit together. */
    @Transactional
    public int runOnce() {
        if (!locks.tryTake(KEY)) {
            return 0;
        }
        LocalDate tomorrow = FrenchFormat.today(clock).plusDays(1);
        Instant from = tomorrow.atStartOfDay(FrenchFormat.ZONE).toInstant();
        Instant to = tomorrow.plusDays(1).atStartOfDay(FrenchFormat.ZONE).toInstant();
        int mailed = 0;
        for (Registration registration : repository.lockDueReminders(from, to, BATCH)) {
            MeetingEvent event = repository.findEvent(registration.eventId()).orElseThrow();
            repository.markReminded(registration.id(), clock.instant());
            registrations.queue(registration, event, "Rappel : " + event.title() + " demain",
                "Pour rappel, vous êtes inscrit(e) à cet événement, qui a lieu demain.", false);
            mailed++;
        }
        return mailed;
    }
}
