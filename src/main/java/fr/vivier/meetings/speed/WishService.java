package fr.vivier.meetings.speed;

import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.RegistrationStatus;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierView;
import fr.vivier.programming.ProgrammingLine;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who wants to meet whom at a speed-meeting: only between a buyer and a supplier both registered (confirmed) to it. A wish may
 * also name a group, which stands for the people of the other side registered when it is declared: a buyer names a sector
 * (the registered structures whose published profile lists it), a supplier a direction (its registered buyers) or one of the
 * event's programming lines (the registered buyers of the line's direction). Each of them gets the wish with its priority; a
 * wish already declared for one of them keeps its own.
 */
@Singleton
class WishService {
    static final String SECTOR = "secteur:";
    static final String DIRECTION = "direction:";
    static final String LINE = "ligne:";

    private final SpeedMeetingRepository repository;
    private final EventService events;
    private final SupplierDirectory directory;
    private final ReferenceData reference;
    private final Clock clock;

    WishService(SpeedMeetingRepository repository, EventService events, SupplierDirectory directory, ReferenceData reference, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.directory = directory;
        this.reference = reference;
        this.clock = clock;
    }

    /** A choice of the wish form: its value ({@code vers}) and what people read. */
    record Choice(String value, String label) { }

    /** Choices under one heading of the list. */
    record ChoiceGroup(String label, List<Choice> choices) { }

    /** A wish as staff see it: mutual when the other one wished the meeting too. */
    record WishRow(Registration from, Registration to, int priority, boolean mutual) { }

    /** The outcome of a wish: recorded, or the messages by field (nothing changed). */
    sealed interface Outcome {
        /** How many people the wish names (more than one for a group). */
        record Done(int people) implements Outcome { }
        record Invalid(Map<String, String> errors) implements Outcome { }
    }

    /** The confirmed registrations of the event, by id. */
    Map<Long, Registration> confirmed(long eventId) {
        return events.registrations(eventId).stream().filter(registration -> registration.status() == RegistrationStatus.CONFIRMED)
            .collect(Collectors.toMap(Registration::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    @Transactional(readOnly = true)
    List<WishRow> wishes(MeetingEvent event) {
        Map<Long, Registration> confirmed = confirmed(event.id());
        List<SpeedMeetingRepository.StoredWish> stored = repository.wishes(event.id());
        Set<String> pairs = new HashSet<>();
        stored.forEach(wish -> pairs.add(wish.from() + "-" + wish.to()));
        return stored.stream().filter(wish -> confirmed.containsKey(wish.from()) && confirmed.containsKey(wish.to()))
            .map(wish -> new WishRow(confirmed.get(wish.from()), confirmed.get(wish.to()), wish.priority(),
                pairs.contains(wish.to() + "-" + wish.from())))
            .toList();
    }

    @Transactional(readOnly = true)
    List<SpeedMeetingRepository.StoredWish> stored(long eventId) {
        return repository.wishes(eventId);
    }

    /** What someone registered may name in a wish: the people of the other side, then the groups of the rules above. */
    @Transactional(readOnly = true)
    List<ChoiceGroup> choices(MeetingEvent event, Registration own) {
        Map<Long, Registration> confirmed = confirmed(event.id());
        List<ChoiceGroup> groups = new ArrayList<>();
        boolean buyer = own.participant() == Participant.BUYER;
        groups.add(new ChoiceGroup(buyer ? "Fournisseurs inscrits" : "Acheteurs inscrits", confirmed.values().stream()
            .filter(r -> r.participant() != own.participant())
            .map(r -> new Choice(String.valueOf(r.id()), r.organisation() + " (" + r.personName() + ")")).toList()));
        if (buyer) {
            Map<String, String> labels = reference.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::label));
            groups.add(new ChoiceGroup("Secteurs d’activité (tous les fournisseurs inscrits du secteur)", sectorsOf(confirmed).keySet().stream()
                .filter(labels::containsKey).sorted(Comparator.comparing(labels::get))
                .map(code -> new Choice(SECTOR + code, labels.get(code))).toList()));
        } else {
            groups.add(new ChoiceGroup("Directions (tous les acheteurs inscrits de la direction)", buyers(confirmed).stream()
                .map(Registration::organisation).distinct().sorted(String.CASE_INSENSITIVE_ORDER)
                .map(direction -> new Choice(DIRECTION + direction, direction)).toList()));
            groups.add(new ChoiceGroup("Achats prévus de l’événement (les acheteurs inscrits de la direction de l’achat)",
                events.lines(event.programmingLineIds()).stream().filter(ProgrammingLine::published)
                    .map(line -> new Choice(LINE + line.id(), line.object() + " — " + line.direction())).toList()));
        }
        return groups.stream().filter(group -> !group.choices().isEmpty()).toList();
    }

    @Transactional
    Outcome declare(MeetingEvent event, WishForm form) {
        Map<Long, Registration> confirmed = confirmed(event.id());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Registration> from = registered(form.de(), confirmed, "de", "Choisissez qui souhaite la rencontre.", errors);
        String target = form.vers() == null ? "" : form.vers().strip();
        if (target.startsWith(SECTOR) || target.startsWith(DIRECTION) || target.startsWith(LINE)) {
            return declareGroup(event, from, target, priority(form.priorite()), confirmed, errors);
        }
        Optional<Registration> to = registered(form.vers(), confirmed, "vers", "Choisissez qui rencontrer.", errors);
        if (from.isPresent() && to.isPresent() && from.get().participant() == to.get().participant()) {
            errors.put("vers", from.get().participant() == Participant.BUYER
                ? "Un acheteur souhaite rencontrer un fournisseur, pas un autre acheteur."
                : "Un fournisseur souhaite rencontrer un acheteur, pas un autre fournisseur.");
        }
        Integer priority = priority(form.priorite());
        if (priority == null) {
            errors.put("priorite", "Choisissez une priorité de 1 à 3.");
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        repository.saveWish(event.id(), from.get().id(), to.get().id(), priority, clock.instant());
        return new Outcome.Done(1);
    }

    private Outcome declareGroup(MeetingEvent event, Optional<Registration> from, String target, @Nullable Integer priority,
                                 Map<Long, Registration> confirmed, Map<String, String> errors) {
        if (priority == null) {
            errors.put("priorite", "Choisissez une priorité de 1 à 3.");
        }
        List<Registration> named = from.isEmpty() ? List.of() : group(event, from.get(), target, confirmed, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        Set<Long> already = repository.wishes(event.id()).stream().filter(wish -> wish.from() == from.get().id())
            .map(SpeedMeetingRepository.StoredWish::to).collect(Collectors.toSet());
        named.stream().filter(r -> !already.contains(r.id()))
            .forEach(r -> repository.saveWish(event.id(), from.get().id(), r.id(), priority, clock.instant()));
        return new Outcome.Done(named.size());
    }

    /** The registered people a group names, or a message at {@code vers} when it names nobody or is not for this side. */
    private List<Registration> group(MeetingEvent event, Registration from, String target, Map<Long, Registration> confirmed,
                                     Map<String, String> errors) {
        boolean buyer = from.participant() == Participant.BUYER;
        if (target.startsWith(SECTOR)) {
            if (!buyer) {
                errors.put("vers", "Un fournisseur choisit des acheteurs, des directions ou des achats prévus, pas un secteur.");
                return List.of();
            }
            String code = target.substring(SECTOR.length());
            List<Registration> named = sectorsOf(confirmed).getOrDefault(code, List.of());
            if (named.isEmpty()) {
                errors.put("vers", "Aucun fournisseur inscrit à ce speed-meeting n’est de ce secteur : souhait refusé, rien n’a changé.");
            }
            return named;
        }
        if (buyer) {
            errors.put("vers", "Un acheteur choisit des fournisseurs ou des secteurs, pas une direction ni un achat prévu.");
            return List.of();
        }
        String direction;
        if (target.startsWith(LINE)) {
            String id = target.substring(LINE.length());
            Optional<ProgrammingLine> line = id.matches("\\d{1,18}") && event.programmingLineIds().contains(Long.valueOf(id))
                ? events.lines(List.of(Long.valueOf(id))).stream().filter(ProgrammingLine::published).findFirst() : Optional.empty();
            if (line.isEmpty()) {
                errors.put("vers", "Cet achat prévu n’est pas lié à ce speed-meeting : souhait refusé, rien n’a changé.");
                return List.of();
            }
            direction = line.get().direction();
        } else {
            direction = target.substring(DIRECTION.length());
        }
        List<Registration> named = buyers(confirmed).stream().filter(r -> r.organisation().equalsIgnoreCase(direction.strip())).toList();
        if (named.isEmpty()) {
            errors.put("vers", "Aucun acheteur de la « " + direction + " » n’est inscrit à ce speed-meeting : souhait refusé, rien n’a changé.");
        }
        return named;
    }

    private static List<Registration> buyers(Map<Long, Registration> confirmed) {
        return confirmed.values().stream().filter(r -> r.participant() == Participant.BUYER).toList();
    }

    /** The registered suppliers by sector of their published profile. */
    private Map<String, List<Registration>> sectorsOf(Map<Long, Registration> confirmed) {
        Map<Long, Registration> bySupplier = confirmed.values().stream()
            .filter(r -> r.participant() == Participant.SUPPLIER && r.supplierId() != null)
            .collect(Collectors.toMap(Registration::supplierId, Function.identity(), (a, b) -> a));
        Map<String, List<Registration>> bySector = new TreeMap<>();
        for (SupplierView view : directory.publishedViews(List.copyOf(bySupplier.keySet()))) {
            view.sectors().forEach(sector -> bySector.computeIfAbsent(sector, code -> new ArrayList<>()).add(bySupplier.get(view.supplier().id())));
        }
        return bySector;
    }

    @Transactional
    boolean withdraw(MeetingEvent event, long from, long to) {
        return repository.deleteWish(event.id(), from, to);
    }

    private static Optional<Registration> registered(@Nullable String value, Map<Long, Registration> confirmed, String field, String missing,
                                                     Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, missing);
            return Optional.empty();
        }
        Registration registration = value.strip().matches("\\d{1,18}") ? confirmed.get(Long.parseLong(value.strip())) : null;
        if (registration == null) {
            errors.put(field, "Cette personne n’est pas inscrite à ce speed-meeting (ou son inscription n’est pas confirmée) : "
                + "souhait refusé, rien n’a changé.");
            return Optional.empty();
        }
        return Optional.of(registration);
    }

    private static @Nullable Integer priority(@Nullable String value) {
        return value != null && value.strip().matches("[123]") ? Integer.valueOf(value.strip()) : null;
    }
}
