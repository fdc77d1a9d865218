package fr.vivier.meetings.speed;

import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import fr.vivier.meetings.Registration;
import fr.vivier.meetings.RegistrationStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who wants to meet whom at a speed-meeting: only between a buyer and a supplier both registered (confirmed) to it. */
@Singleton
class WishService {
    private final SpeedMeetingRepository repository;
    private final EventService events;
    private final Clock clock;

    WishService(SpeedMeetingRepository repository, EventService events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** A wish as staff see it: mutual when the other one wished the meeting too. */
    record WishRow(Registration from, Registration to, int priority, boolean mutual) { }

    /** The outcome of a wish: recorded, or the messages by field (nothing changed). */
    sealed interface Outcome {
        record Done() implements Outcome { }
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

    @Transactional
    Outcome declare(MeetingEvent event, WishForm form) {
        Map<Long, Registration> confirmed = confirmed(event.id());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Registration> from = registered(form.de(), confirmed, "de", "Choisissez qui souhaite la rencontre.", errors);
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
        return new Outcome.Done();
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
