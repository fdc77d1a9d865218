package fr.vivier.meetings.speed;

import fr.vivier.mail.MailService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import fr.vivier.meetings.Registration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Mails each table and each supplier of a speed-meeting its own schedule, through the outbox, with the link to its PDF: the
 * buyer's behind its sign-in, the supplier's signed like its wish link (an outbox mail carries text, not a binary file).
 */
@Singleton
class ScheduleMails {
    private final ScheduleService schedules;
    private final MailService mail;
    private final SupplierWishLinks links;

    ScheduleMails(ScheduleService schedules, MailService mail, SupplierWishLinks links) {
        this.schedules = schedules;
        this.mail = mail;
        this.links = links;
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
                "meetings", meetings,
                "pdfUrl", mail.baseUrl() + pdfPath(event, line.who())));
        }
        return lines.size();
    }

    private String pdfPath(MeetingEvent event, Registration who) {
        return who.participant() == Participant.BUYER ? "/rencontres/" + event.id() + "/mes-souhaits/planning.pdf"
            : links.path(who, event.id()) + "/planning.pdf";
    }
}
