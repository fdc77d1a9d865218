package fr.vivier.meetings;

import fr.vivier.mail.MailService;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The iCalendar (RFC 5545) file joined to confirmation mails, written by ical4j: times in UTC, so that every calendar
 * shows them in its own zone; one UID per event, so that a second file for the same event updates the first.
 */
@Singleton
public class EventCalendar {
    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    private final ReferenceData reference;
    private final MailService mail;
    private final Clock clock;

    EventCalendar(ReferenceData reference, MailService mail, Clock clock) {
        this.reference = reference;
        this.mail = mail;
        this.clock = clock;
    }

    MailService.Attachment attachment(MeetingEvent event) {
        return new MailService.Attachment("evenement.ics", CONTENT_TYPE, ics(event));
    }

    String ics(MeetingEvent event) {
        URI page = URI.create(mail.baseUrl() + PublicEventController.eventPath(event.id()));
        VEvent vevent = new VEvent(event.startsAt(), event.endsAt(), event.kind().label() + " — " + event.title());
        vevent.replace(new DtStamp(clock.instant()));
        vevent.add(new Uid("rencontre-" + event.id() + "@" + page.getHost()));
        vevent.add(new Description(event.description() + "\n\n" + page));
        vevent.add(new Location(place(event)));
        vevent.add(new Url(page));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Vivier//Rencontres acheteurs-fournisseurs//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(vevent);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** « 1 place de la Mairie, Bondy (93) — en ligne : https://… ». */
    public String place(MeetingEvent event) {
        List<String> parts = new ArrayList<>();
        if (event.communeCode() != null) {
            String commune = reference.commune(event.communeCode()).map(Commune::displayName).orElse(event.communeCode());
            parts.add(event.address() == null ? commune : event.address() + ", " + commune);
        }
        if (event.onlineUrl() != null) {
            parts.add("en ligne : " + event.onlineUrl());
        }
        return String.join(" — ", parts);
    }
}
