package fr.vivier.meetings.speed;

import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.speed.SpeedMeetingRepository.Appointment;
import fr.vivier.meetings.speed.SpeedMeetingRepository.ScheduleSummary;
import fr.vivier.meetings.speed.SpeedMeetingRepository.Slot;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds a speed-meeting's schedule from the wishes, shows it, and lets staff adjust it by hand without double booking. */
@Singleton
class ScheduleService {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
    private static final Pattern BREAK = Pattern.compile("(\\d{1,2})[:h](\\d{2})\\s*[-–à]\\s*(\\d{1,2})[:h](\\d{2})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm");
    static final int DEFAULT_MINUTES = 10;

    private final SpeedMeetingRepository repository;
    private final WishService wishes;
    private final Clock clock;

    ScheduleService(SpeedMeetingRepository repository, WishService wishes, Clock clock) {
        this.repository = repository;
        this.wishes = wishes;
        this.clock = clock;
    }

    /** A slot as people read it: « 09h30–09h40 ». */
    record SlotView(int number, String label) { }

    /** One line of a printable schedule: a table (or supplier) and, per slot, whom it meets (null: free). */
    record Line(Registration who, List<Cell> cells, int meetings) { }

    record Cell(SlotView slot, @Nullable Registration with) { }

    /** The schedule as the staff page shows it. */
    record Page(@Nullable ScheduleSummary summary, List<SlotView> slots, List<Line> tables, List<Line> suppliers, List<Registration> buyers,
                List<Registration> supplierChoices) { }

    sealed interface Outcome {
        record Done(int meetings) implements Outcome { }
        record Invalid(Map<String, String> errors) implements Outcome { }
        /** Refused as a whole (a conflict, nothing to schedule): the message, nothing changed. */
        record Refused(String message) implements Outcome { }
    }

    @Transactional(readOnly = true)
    ScheduleForm formOf(long eventId) {
        return repository.schedule(eventId).map(summary -> new ScheduleForm(String.valueOf(summary.slotMinutes()), summary.breaks()))
            .orElse(new ScheduleForm(String.valueOf(DEFAULT_MINUTES), ""));
    }

    @Transactional(readOnly = true)
    Page page(MeetingEvent event) {
        Map<Long, Registration> confirmed = wishes.confirmed(event.id());
        List<Registration> buyers = confirmed.values().stream().filter(r -> r.participant() == Participant.BUYER).toList();
        List<Registration> suppliers = confirmed.values().stream().filter(r -> r.participant() == Participant.SUPPLIER)
            .sorted(Comparator.comparing(Registration::organisation, String.CASE_INSENSITIVE_ORDER)).toList();
        List<SlotView> slots = repository.slots(event.id()).stream().map(ScheduleService::view).toList();
        List<Appointment> appointments = repository.appointments(event.id());
        List<Line> tables = buyers.stream().map(buyer -> line(buyer, slots, appointments, confirmed, true)).toList();
        List<Line> supplierLines = suppliers.stream().map(supplier -> line(supplier, slots, appointments, confirmed, false))
            .filter(line -> line.meetings() > 0).toList();
        return new Page(repository.schedule(event.id()).orElse(null), slots, tables, supplierLines, buyers, suppliers);
    }

    /** The meetings of one registered person, slot by slot (empty before the schedule is built or without meetings). */
    @Transactional(readOnly = true)
    Optional<Line> lineOf(MeetingEvent event, Registration who) {
        Page page = page(event);
        return java.util.stream.Stream.concat(page.tables().stream(), page.suppliers().stream())
            .filter(line -> line.who().id().equals(who.id()) && line.meetings() > 0).findFirst();
    }

    private static Line line(Registration who, List<SlotView> slots, List<Appointment> appointments, Map<Long, Registration> confirmed,
                             boolean table) {
        List<Cell> cells = new ArrayList<>();
        int meetings = 0;
        for (SlotView slot : slots) {
            Registration with = appointments.stream().filter(a -> a.slot() == slot.number() && (table ? a.buyer() : a.supplier()) == who.id())
                .findFirst().map(a -> confirmed.get(table ? a.supplier() : a.buyer())).orElse(null);
            meetings += with == null ? 0 : 1;
            cells.add(new Cell(slot, with));
        }
        return new Line(who, cells, meetings);
    }

    private static SlotView view(Slot slot) {
        return new SlotView(slot.number(), label(slot));
    }

    /** « 09h30–09h40 ». */
    static String label(Slot slot) {
        return TIME.format(slot.startsAt().atZone(FrenchFormat.ZONE)) + "–" + TIME.format(slot.endsAt().atZone(FrenchFormat.ZONE));
    }

    @Transactional(readOnly = true)
    Optional<ScheduleSummary> summary(long eventId) {
        return repository.schedule(eventId);
    }

    @Transactional(readOnly = true)
    List<Appointment> appointments(long eventId) {
        return repository.appointments(eventId);
    }

    /** Builds the schedule anew from the wishes (hand edits of the previous one are lost, as the page says). */
    @Transactional
    Outcome build(MeetingEvent event, ScheduleForm form) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Integer minutes = form.duree() != null && form.duree().strip().matches("\\d{1,3}") ? Integer.valueOf(form.duree().strip()) : null;
        if (minutes == null || minutes < 5 || minutes > 120) {
            errors.put("duree", "Indiquez la durée d’un créneau en minutes, de 5 à 120.");
        }
        List<Instant[]> breaks = breaks(event, form.pauses(), errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        List<Slot> slots = slots(event, minutes, breaks);
        if (slots.isEmpty()) {
            return new Outcome.Invalid(Map.of("duree", "Aucun créneau de " + minutes + " minutes ne tient entre le début et la fin de "
                + "l’événement, pauses déduites."));
        }
        Map<Long, Registration> confirmed = wishes.confirmed(event.id());
        List<Long> buyers = confirmed.values().stream().filter(r -> r.participant() == Participant.BUYER).map(Registration::id).toList();
        List<Long> suppliers = confirmed.values().stream().filter(r -> r.participant() == Participant.SUPPLIER).map(Registration::id).toList();
        if (buyers.isEmpty() || suppliers.isEmpty()) {
            return new Outcome.Refused("Il faut au moins un acheteur et un fournisseur inscrits pour construire le planning.");
        }
        repository.lockSchedule(event.id());
        List<SpeedMeetingScheduler.Wish> wished = repository.wishes(event.id()).stream()
            .filter(wish -> confirmed.containsKey(wish.from()) && confirmed.containsKey(wish.to()))
            .map(wish -> {
                boolean fromBuyer = confirmed.get(wish.from()).participant() == Participant.BUYER;
                return new SpeedMeetingScheduler.Wish(fromBuyer ? wish.from() : wish.to(), fromBuyer ? wish.to() : wish.from(), wish.priority(),
                    fromBuyer);
            }).toList();
        SpeedMeetingScheduler.Schedule schedule = SpeedMeetingScheduler.build(buyers, suppliers, wished, slots.size());
        SpeedMeetingScheduler.Quality quality = schedule.quality();
        repository.replaceSchedule(event.id(), new ScheduleSummary(minutes, form.pauses() == null ? "" : form.pauses().strip(), clock.instant(),
                quality.wishedPairs(), quality.satisfied(), quality.upperBound(), quality.minPerSupplier(), quality.medianPerSupplier()),
            slots, schedule.meetings().stream().map(m -> new Appointment(m.slot(), m.buyer(), m.supplier(), null)).toList());
        LOG.info("speed-meeting schedule built: event {}, {} slots, {} meetings, {} of {} (bound) wished pairs", event.id(), slots.size(),
            schedule.meetings().size(), quality.satisfied(), quality.upperBound());
        return new Outcome.Done(schedule.meetings().size());
    }

    private static List<Instant[]> breaks(MeetingEvent event, @Nullable String text, Map<String, String> errors) {
        List<Instant[]> breaks = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return breaks;
        }
        for (String part : text.split("[,;\\n]+")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher matcher = BREAK.matcher(part.strip());
            LocalTime start = matcher.matches() ? time(matcher.group(1), matcher.group(2)) : null;
            LocalTime end = start == null ? null : time(matcher.group(3), matcher.group(4));
            if (end == null || !end.isAfter(start)) {
                errors.put("pauses", "Pause illisible : « " + part.strip() + " ». Écrivez par exemple 10:30-10:45, les pauses séparées par "
                    + "des virgules.");
                return breaks;
            }
            breaks.add(new Instant[] {event.day().atTime(start).atZone(FrenchFormat.ZONE).toInstant(),
                event.day().atTime(end).atZone(FrenchFormat.ZONE).toInstant()});
        }
        return breaks;
    }

    private static @Nullable LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }

    /** Slots of {@code minutes} from the start to the end of the event; a slot that would overlap a break starts after it. */
    static List<Slot> slots(MeetingEvent event, int minutes, List<Instant[]> breaks) {
        List<Slot> slots = new ArrayList<>();
        Instant start = event.startsAt();
        while (!start.plusSeconds(60L * minutes).isAfter(event.endsAt())) {
            Instant end = start.plusSeconds(60L * minutes);
            Instant slotStart = start;
            Optional<Instant[]> overlapping = breaks.stream().filter(b -> b[0].isBefore(end) && b[1].isAfter(slotStart))
                .max(Comparator.comparing(b -> b[1]));
            if (overlapping.isPresent()) {
                start = overlapping.get()[1];
                continue;
            }
            slots.add(new Slot(slots.size(), start, end));
            start = end;
        }
        return slots;
    }

    /** Removes a meeting from the schedule. */
    @Transactional
    Outcome remove(MeetingEvent event, AppointmentForm form) {
        repository.lockSchedule(event.id());
        Optional<Appointment> appointment = find(event.id(), form.creneau(), form.table());
        if (appointment.isEmpty()) {
            return new Outcome.Refused("Cette rencontre n’est plus au planning : rien n’a changé.");
        }
        repository.deleteAppointment(event.id(), appointment.get().slot(), appointment.get().buyer());
        return new Outcome.Done(1);
    }

    /** Moves a meeting to another slot, refused when the table or the supplier already meets someone then. */
    @Transactional
    Outcome move(MeetingEvent event, AppointmentForm form) {
        repository.lockSchedule(event.id());
        Optional<Appointment> appointment = find(event.id(), form.creneau(), form.table());
        if (appointment.isEmpty()) {
            return new Outcome.Refused("Cette rencontre n’est plus au planning : rien n’a changé.");
        }
        Optional<Slot> target = slot(event.id(), form.nouveauCreneau());
        if (target.isEmpty()) {
            return new Outcome.Refused("Choisissez un créneau du planning.");
        }
        Appointment moved = appointment.get();
        Optional<String> conflict = conflict(event.id(), target.get(), moved.buyer(), moved.supplier(), List.of(moved));
        if (conflict.isPresent()) {
            return new Outcome.Refused(conflict.get());
        }
        repository.deleteAppointment(event.id(), moved.slot(), moved.buyer());
        repository.insertAppointment(event.id(), target.get().number(), moved.buyer(), moved.supplier());
        return new Outcome.Done(1);
    }

    /** Adds a meeting by hand, refused when the table or the supplier already meets someone then, or already meets the other. */
    @Transactional
    Outcome add(MeetingEvent event, AppointmentForm form) {
        repository.lockSchedule(event.id());
        Map<Long, Registration> confirmed = wishes.confirmed(event.id());
        Optional<Slot> target = slot(event.id(), form.creneau());
        Registration table = registration(form.table(), confirmed, Participant.BUYER);
        Registration supplier = registration(form.fournisseur(), confirmed, Participant.SUPPLIER);
        if (target.isEmpty() || table == null || supplier == null) {
            return new Outcome.Refused("Choisissez un créneau, une table et un fournisseur inscrits : rien n’a changé.");
        }
        Optional<String> conflict = conflict(event.id(), target.get(), table.id(), supplier.id(), List.of());
        if (conflict.isPresent()) {
            return new Outcome.Refused(conflict.get());
        }
        repository.insertAppointment(event.id(), target.get().number(), table.id(), supplier.id());
        return new Outcome.Done(1);
    }

    /**
     * Exchanges the slots of two meetings (of one table, or of two), refused when either one's table or supplier already meets
     * someone else in its new slot.
     */
    @Transactional
    Outcome swap(MeetingEvent event, AppointmentForm form) {
        repository.lockSchedule(event.id());
        Optional<Appointment> first = find(event.id(), form.creneau(), form.table());
        Optional<Appointment> second = find(event.id(), form.nouveauCreneau(),
            form.autreTable() == null || form.autreTable().isBlank() ? form.table() : form.autreTable());
        if (first.isEmpty() || second.isEmpty()) {
            return new Outcome.Refused("Choisissez deux rencontres du planning à échanger : rien n’a changé.");
        }
        Appointment a = first.get();
        Appointment b = second.get();
        if (a.slot() == b.slot()) {
            return new Outcome.Refused("Les deux rencontres sont au même créneau : il n’y a rien à échanger. Rien n’a changé.");
        }
        List<Slot> slots = repository.slots(event.id());
        Optional<String> conflict = conflict(event.id(), slots.get(b.slot()), a.buyer(), a.supplier(), List.of(a, b))
            .or(() -> conflict(event.id(), slots.get(a.slot()), b.buyer(), b.supplier(), List.of(a, b)));
        if (conflict.isPresent()) {
            return new Outcome.Refused(conflict.get());
        }
        repository.deleteAppointment(event.id(), a.slot(), a.buyer());
        repository.deleteAppointment(event.id(), b.slot(), b.buyer());
        repository.insertAppointment(event.id(), b.slot(), a.buyer(), a.supplier());
        repository.insertAppointment(event.id(), a.slot(), b.buyer(), b.supplier());
        return new Outcome.Done(2);
    }

    /** Why {@code buyer} and {@code supplier} cannot meet at {@code target}, the {@code excluded} meetings set aside. */
    private Optional<String> conflict(long eventId, Slot target, long buyer, long supplier, List<Appointment> excluded) {
        Map<Long, Registration> confirmed = wishes.confirmed(eventId);
        String when = view(target).label();
        for (Appointment other : repository.appointments(eventId)) {
            if (excluded.contains(other)) {
                continue;
            }
            if (other.slot() == target.number() && other.buyer() == buyer) {
                return Optional.of("Conflit : la table de " + name(confirmed, buyer) + " a déjà une rencontre au créneau " + when
                    + ". Rien n’a changé.");
            }
            if (other.slot() == target.number() && other.supplier() == supplier) {
                return Optional.of("Conflit : " + name(confirmed, supplier) + " a déjà une rencontre au créneau " + when + ". Rien n’a changé.");
            }
            if (other.buyer() == buyer && other.supplier() == supplier) {
                return Optional.of(name(confirmed, buyer) + " et " + name(confirmed, supplier) + " se rencontrent déjà au créneau "
                    + view(repository.slots(eventId).get(other.slot())).label() + ". Rien n’a changé.");
            }
        }
        return Optional.empty();
    }

    private static String name(Map<Long, Registration> confirmed, long registrationId) {
        Registration registration = confirmed.get(registrationId);
        return registration == null ? "cette personne" : registration.organisation();
    }

    private Optional<Appointment> find(long eventId, @Nullable String slot, @Nullable String table) {
        Integer number = number(slot);
        Long buyer = table != null && table.strip().matches("\\d{1,18}") ? Long.valueOf(table.strip()) : null;
        return repository.appointments(eventId).stream()
            .filter(a -> number != null && buyer != null && a.slot() == number && a.buyer() == buyer).findFirst();
    }

    private Optional<Slot> slot(long eventId, @Nullable String value) {
        Integer number = number(value);
        return repository.slots(eventId).stream().filter(slot -> number != null && slot.number() == number).findFirst();
    }

    private static @Nullable Integer number(@Nullable String value) {
        return value != null && value.strip().matches("\\d{1,6}") ? Integer.valueOf(value.strip()) : null;
    }

    private static @Nullable Registration registration(@Nullable String value, Map<Long, Registration> confirmed, Participant participant) {
        Registration registration = value != null && value.strip().matches("\\d{1,18}") ? confirmed.get(Long.parseLong(value.strip())) : null;
        return registration != null && registration.participant() == participant ? registration : null;
    }
}
