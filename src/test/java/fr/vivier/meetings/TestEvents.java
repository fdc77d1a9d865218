package fr.vivier.meetings;

import fr.vivier.web.FrenchFormat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** Events made by tests through the staff rules, each with its own title. */
public final class TestEvents {
    private TestEvents() {
    }

    /** An event form, valid by default: in Bondy in ten days, 9:30 to 12:00, 30 places. */
    public static final class Draft {
        public String kind = EventKind.BUYER_SUPPLIER_MEETING.name();
        public String title = "Rencontre " + fr.vivier.testsupport.UniqueWords.next();
        public String description = "Rencontre des acheteurs de la collectivité et des structures du territoire.";
        public LocalDate day;
        public String start = "09:30";
        public String end = "12:00";
        public String address = "1 place de la Mairie";
        public String commune = "Bondy";
        public String link;
        public int capacity = 30;
        public LocalDate deadline;
        public List<String> sectors = List.of();
        public List<String> kinds = List.of();
        public boolean local;
        public List<String> lines = List.of();
        public String organiser = "Direction du développement économique";

        public EventForm form() {
            return new EventForm(kind, title, description, day.toString(), start, end, address, commune, null, link,
                String.valueOf(capacity), deadline.toString(), sectors, kinds, local ? "oui" : null, lines, organiser);
        }
    }

    public static Draft draft(Clock clock, Consumer<Draft> customiser) {
        Draft draft = new Draft();
        draft.day = FrenchFormat.today(clock).plusDays(10);
        draft.deadline = draft.day.minusDays(2);
        customiser.accept(draft);
        return draft;
    }

    public static MeetingEvent create(EventService events, Clock clock, Consumer<Draft> customiser) {
        EventService.Saved saved = events.create(draft(clock, customiser).form(), 1L);
        if (saved instanceof EventService.Saved.Invalid invalid) {
            throw new AssertionError("événement de test invalide : " + invalid.errors());
        }
        return ((EventService.Saved.Done) saved).event();
    }
}
