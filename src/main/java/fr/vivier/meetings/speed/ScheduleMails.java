package fr.vivier.meetings.speed;

import fr.vivier.mail.MailService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Mails each table and each supplier of a speed-meeting its own schedule, through the outbox. */
@Singleton
class ScheduleMails {
    private final ScheduleService schedules;
    private final MailService mail;

    ScheduleMails(ScheduleService schedules, MailService mail) {
        this.schedules = schedules;
        this.mail = mail;
    }

    /** How many people were mailed: those with at least one meeting. */
    @Transactional
    int mailEveryone(MeetingEvent event) {
        ScheduleService.Page page = schedules.page(event);
        List<ScheduleService.Line> lines = Stream.concat(page.tables().stream(), page.suppliers().stream())
            .filter(line -> line.meetings() > 0).toList();
        for (ScheduleService.Line line : lines) {
            List<String> meetings = line.cells().stream().filter(cell -> cell.with() != null)
                .map(cell -> cell.slot().label() + " : " + cell.with().organisation() + " (" + cell.with().personName() + ")").toList();
            mail.queue(line.who().email(), "Votre planning — " + event.title(), "meeting-schedule", Map.of(
                "personName", line.who().personName(),
                "eventTitle", event.title(),
                "when", event.when(),
                "asBuyer", line.who().participant() == Participant.BUYER,
                "meetings", meetings));
        }
        return lines.size();
    }
}
