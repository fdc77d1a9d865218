package fr.vivier.meetings.speed;

import fr.vivier.meetings.Attendance;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.speed.SpeedMeetingRepository.Appointment;
import fr.vivier.sourcing.ContactChannel;
import fr.vivier.sourcing.ContactOutcome;
import fr.vivier.sourcing.JournalEntryForm;
import fr.vivier.sourcing.JournalService;
import fr.vivier.web.FrenchFormat;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * After a speed-meeting, each meeting held (table and supplier both marked present) becomes an entry of the buyer's sourcing
 * journal, channel « salon ou événement », through the journal's own rules ({@link JournalService#create}); each meeting
 * once, however often staff ask.
 */
@Singleton
class MeetingJournal {
    private static final Logger LOG = LoggerFactory.getLogger(MeetingJournal.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final SpeedMeetingRepository repository;
    private final WishService wishes;
    private final JournalService journal;
    private final Clock clock;

    MeetingJournal(SpeedMeetingRepository repository, WishService wishes, JournalService journal, Clock clock) {
        this.repository = repository;
        this.wishes = wishes;
        this.journal = journal;
        this.clock = clock;
    }

    /** What one run did: entries written, meetings already written before, meetings not held (someone absent or not marked). */
    record Logged(int written, int already, int notHeld, int refused) { }

    /** Empty when the event has not ended yet: meetings are written once held. */
    @Transactional
    Optional<Logged> logHeldMeetings(MeetingEvent event) {
        if (!event.past(clock)) {
            return Optional.empty();
        }
        repository.lockSchedule(event.id());
        Map<Long, Registration> confirmed = wishes.confirmed(event.id());
        Map<Integer, String> slotLabels = new HashMap<>();
        repository.slots(event.id()).forEach(slot -> slotLabels.put(slot.number(), ScheduleService.label(slot)));
        int written = 0;
        int already = 0;
        int notHeld = 0;
        int refused = 0;
        for (Appointment appointment : repository.appointments(event.id())) {
            Registration buyer = confirmed.get(appointment.buyer());
            Registration supplier = confirmed.get(appointment.supplier());
            if (appointment.loggedAt() != null) {
                already++;
            } else if (!present(buyer) || !present(supplier) || buyer.accountId() == null) {
                notHeld++;
            } else if (journal.create(entry(event, supplier, buyer, slotLabels.get(appointment.slot())),
                journal.viewer(buyer.accountId(), buyer.personName(), false)) instanceof JournalService.Saved.Done) {
                repository.markLogged(event.id(), appointment.slot(), appointment.buyer(), clock.instant());
                written++;
            } else {
                LOG.warn("speed-meeting {}: meeting of slot {} of table {} refused by the sourcing journal", event.id(), appointment.slot(),
                    appointment.buyer());
                refused++;
            }
        }
        return Optional.of(new Logged(written, already, notHeld, refused));
    }

    private static boolean present(Registration registration) {
        return registration != null && registration.attendance() == Attendance.PRESENT;
    }

    private static JournalEntryForm entry(MeetingEvent event, Registration supplier, Registration buyer, String slot) {
        return new JournalEntryForm(supplier.supplierId() == null ? null : String.valueOf(supplier.supplierId()), supplier.organisation(),
            supplier.siret(), buyer.organisation(), FRENCH_DATE.format(event.day()), ContactChannel.EVENT.name(),
            "Speed-meeting « " + event.title() + " »", null, null, null, null, ContactOutcome.INFORMED.name(),
            "Rencontre de " + slot + " au speed-meeting du " + FrenchFormat.date(event.day()) + ".");
    }
}
