package fr.vivier.meetings;

import fr.vivier.directory.StructureKind;
import fr.vivier.programming.Editor;
import fr.vivier.programming.ProgrammingLine;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.reference.Commune;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staff's side of events: what an event must say, creating, changing and deleting it, and the lists. */
@Singleton
public class EventService {
    static final int PAGE_SIZE = 25;
    static final int MAX_CAPACITY = 10_000;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** The outcome of a save: the event, or the messages by field and the communes to choose from. */
    public sealed interface Saved {
        record Done(MeetingEvent event) implements Saved { }
        record Invalid(Map<String, String> errors, List<Commune> communeCandidates) implements Saved { }
    }

    record EventPage(List<MeetingRepository.EventCounts> events, long total, int page) {
        int totalPages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private final MeetingRepository repository;
    private final ReferenceData reference;
    private final ProgrammingService programming;
    private final Clock clock;

    EventService(MeetingRepository repository, ReferenceData reference, ProgrammingService programming, Clock clock) {
        this.repository = repository;
        this.reference = reference;
        this.programming = programming;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<MeetingEvent> find(long id) {
        return repository.findEvent(id);
    }

    @Transactional(readOnly = true)
    public List<MeetingEvent> upcoming(int limit) {
        return repository.upcoming(clock.instant(), limit);
    }

    @Transactional(readOnly = true)
    EventPage staffList(int page) {
        long total = repository.countEvents();
        int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        int shown = Math.max(0, Math.min(page, last));
        return new EventPage(repository.eventsWithCounts(shown * PAGE_SIZE, PAGE_SIZE), total, shown);
    }

    /** Every event with its counts, the most recent first (exports: a few hundred events a year). */
    @Transactional(readOnly = true)
    List<MeetingRepository.EventCounts> all() {
        return repository.eventsWithCounts(0, 100_000);
    }

    @Transactional(readOnly = true)
    MeetingRepository.EventCounts counts(MeetingEvent event) {
        return repository.counts(event);
    }

    /** Registrations of an event: confirmed ones, then the waiting list in its order, then cancelled ones. */
    @Transactional(readOnly = true)
    public List<Registration> registrations(long eventId) {
        return repository.registrations(eventId);
    }

    /** A new event's form: today's organiser is the person creating it, 30 places. */
    EventForm blank(String organiser) {
        return new EventForm(null, null, null, null, "09:30", "12:00", null, null, null, null, "30", null, null, null, null, null, organiser);
    }

    EventForm formOf(MeetingEvent event) {
        return new EventForm(event.kind().name(), event.title(), event.description(), event.day().toString(),
            TIME.format(event.startsAt().atZone(FrenchFormat.ZONE)), TIME.format(event.endsAt().atZone(FrenchFormat.ZONE)), event.address(),
            reference.commune(event.communeCode()).map(Commune::displayName).orElse(null), event.communeCode(), event.onlineUrl(),
            String.valueOf(event.capacity()), event.registrationDeadline().toString(), event.audienceSectors(), event.audienceKinds(),
            event.audienceLocal() ? "oui" : null, event.programmingLineIds().stream().map(String::valueOf).toList(), event.organiser());
    }

    @Transactional
    public Saved create(EventForm form, long accountId) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Commune> candidates = new ArrayList<>();
        Optional<MeetingEvent> event = validated(form, null, accountId, errors, candidates);
        if (event.isEmpty()) {
            return new Saved.Invalid(ordered(errors), candidates);
        }
        long id = repository.insertEvent(event.get());
        return new Saved.Done(repository.findEvent(id).orElseThrow());
    }

    /** Changes an event; its capacity never drops below the seats already confirmed. */
    @Transactional
    public Saved update(long id, EventForm form) {
        MeetingEvent existing = repository.lockEvent(id).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Commune> candidates = new ArrayList<>();
        Optional<MeetingEvent> event = validated(form, existing, existing.createdBy(), errors, candidates);
        int confirmed = repository.countConfirmed(id);
        if (event.isPresent() && event.get().capacity() < confirmed) {
            errors.put("capacite", "La capacité ne peut pas être inférieure aux " + confirmed + " inscriptions confirmées : "
                + "annulez-en d’abord ou gardez au moins " + confirmed + " places.");
        }
        if (event.isEmpty() || !errors.isEmpty()) {
            return new Saved.Invalid(ordered(errors), candidates);
        }
        repository.updateEvent(event.get());
        return new Saved.Done(repository.findEvent(id).orElseThrow());
    }

    /** Deletes an event nobody is registered to; the refusal message otherwise. */
    @Transactional
    public Optional<String> delete(long id) {
        MeetingEvent event = repository.lockEvent(id).orElseThrow();
        MeetingRepository.EventCounts counts = repository.counts(event);
        if (counts.confirmed() + counts.waiting() > 0) {
            return Optional.of("Cet événement a " + (counts.confirmed() + counts.waiting()) + " inscription(s) : il ne peut pas être "
                + "supprimé. Prévenez les inscrits et annulez leurs inscriptions d’abord.");
        }
        repository.deleteEvent(id);
        return Optional.empty();
    }

    /** The messages a form would get, without saving it (for a form that also broke a length limit). */
    @Transactional(readOnly = true)
    Map<String, String> problems(EventForm form, @Nullable MeetingEvent existing) {
        Map<String, String> errors = new LinkedHashMap<>();
        validated(form, existing, 0, errors, new ArrayList<>());
        return ordered(errors);
    }

    /** The lines an event may be linked to: this year's and next year's, as staff see them. */
    List<ProgrammingLine> lineChoices(Editor editor) {
        int year = FrenchFormat.today(clock).getYear();
        List<ProgrammingLine> lines = new ArrayList<>(programming.staffList(year, null, null, editor, 0, 100).lines());
        lines.addAll(programming.staffList(year + 1, null, null, editor, 0, 100).lines());
        return lines;
    }

    /** The programming lines among {@code ids} that still exist (an event's linked lines). */
    public List<ProgrammingLine> lines(List<Long> ids) {
        return ids.stream().map(programming::find).flatMap(Optional::stream).toList();
    }

    private Optional<MeetingEvent> validated(EventForm form, @Nullable MeetingEvent existing, long accountId, Map<String, String> errors,
                                             List<Commune> candidates) {
        EventKind kind = kind(form.type(), errors);
        String title = required(form.titre(), "titre", "Indiquez le titre de l’événement.", errors);
        String description = required(form.description(), "description", "Décrivez l’événement : programme, public attendu.", errors);
        LocalDate today = FrenchFormat.today(clock);
        LocalDate day = date(form.date(), "date", "Indiquez la date de l’événement.", errors);
        if (day != null && day.isBefore(today) && (existing == null || !day.equals(existing.day()))) {
            errors.put("date", "La date de l’événement ne peut pas être passée.");
        }
        LocalTime start = time(form.debut(), "debut", "Indiquez l’heure de début (par exemple 09:30).", errors);
        LocalTime end = time(form.fin(), "fin", "Indiquez l’heure de fin (par exemple 12:00).", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("fin", "L’heure de fin doit être après l’heure de début.");
        }
        String address = blankToNull(form.adresse());
        String link = blankToNull(form.lien());
        String communeCode = commune(form, address, link, errors, candidates);
        if (link != null && !webAddress(link)) {
            errors.put("lien", "Le lien de la réunion en ligne doit commencer par https:// (par exemple https://visio.example.fr/salle).");
        }
        Integer capacity = capacity(form.capacite(), errors);
        LocalDate deadline = date(form.dateLimite(), "dateLimite", "Indiquez la date limite d’inscription.", errors);
        if (deadline != null && day != null && deadline.isAfter(day)) {
            errors.put("dateLimite", "La date limite d’inscription doit être au plus tard le jour de l’événement.");
        }
        List<String> sectors = list(form.secteurs());
        if (sectors.stream().anyMatch(code -> !reference.sectorExists(code))) {
            errors.put("secteurs", "Choisissez les secteurs dans la liste.");
        }
        List<String> kinds = list(form.types());
        if (kinds.stream().anyMatch(code -> java.util.Arrays.stream(StructureKind.Family.values()).noneMatch(f -> f.name().equals(code)))) {
            errors.put("types", "Choisissez les types de structures dans la liste.");
        }
        List<Long> lineIds = new ArrayList<>();
        for (String value : list(form.lignes())) {
            Optional<ProgrammingLine> line = id(value).flatMap(programming::find);
            if (line.isEmpty()) {
                errors.put("lignes", "Choisissez les lignes de programmation dans la liste.");
            } else {
                lineIds.add(line.get().id());
            }
        }
        String organiser = required(form.organisateur(), "organisateur", "Indiquez qui organise l’événement (direction, service).", errors);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(new MeetingEvent(existing == null ? null : existing.id(), kind, title, description,
            day.atTime(start).atZone(FrenchFormat.ZONE).toInstant(), day.atTime(end).atZone(FrenchFormat.ZONE).toInstant(), address,
            communeCode, link, capacity, deadline, sectors, kinds, form.local(), lineIds, organiser,
            existing == null ? accountId : existing.createdBy(), existing == null ? now : existing.createdAt(), now));
    }

    /** The commune of the place, resolved from reference data; a place needs one, unless the event is online only. */
    private @Nullable String commune(EventForm form, @Nullable String address, @Nullable String link, Map<String, String> errors,
                                     List<Commune> candidates) {
        boolean typed = blankToNull(form.commune()) != null || blankToNull(form.communeCode()) != null;
        if (!typed) {
            if (address != null) {
                errors.put("commune", "Indiquez la commune du lieu.");
            } else if (link == null) {
                errors.put("commune", "Indiquez le lieu (adresse et commune) ou le lien de la réunion en ligne.");
            }
            return null;
        }
        CommuneChoice choice = reference.resolveCommune(form.communeCode(), form.commune(), "Indiquez la commune du lieu.");
        if (!choice.resolved()) {
            errors.put("commune", choice.error());
            candidates.addAll(choice.candidates());
            return null;
        }
        if (address == null) {
            errors.put("adresse", "Indiquez l’adresse du lieu (numéro, rue, salle).");
        }
        return choice.commune().code();
    }

    private static boolean webAddress(String link) {
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable EventKind kind(@Nullable String value, Map<String, String> errors) {
        try {
            return EventKind.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.put("type", "Choisissez le type d’événement.");
            return null;
        }
    }

    private static @Nullable Integer capacity(@Nullable String value, Map<String, String> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.put("capacite", "Indiquez le nombre de places.");
            return null;
        }
        if (!text.matches("\\d{1,6}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_CAPACITY) {
            errors.put("capacite", "La capacité est un nombre de places entre 1 et 10 000, par exemple 40.");
            return null;
        }
        return Integer.parseInt(text);
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, String whenMissing, Map<String, String> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.put(field, whenMissing);
            return null;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, FRENCH_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        errors.put(field, "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).");
        return null;
    }

    private static @Nullable LocalTime time(@Nullable String value, String field, String whenMissing, Map<String, String> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.put(field, whenMissing);
            return null;
        }
        try {
            return LocalTime.parse(text.replace('h', ':'), TIME);
        } catch (DateTimeParseException e) {
            errors.put(field, "Heure invalide : écrivez-la hh:mm, par exemple 09:30.");
            return null;
        }
    }

    private static @Nullable String required(@Nullable String value, String field, String message, Map<String, String> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.put(field, message);
        }
        return text;
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    static Optional<Long> id(@Nullable String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.strip()));
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> ordered(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        EventForm.FIELDS.forEach(field -> {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        });
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
