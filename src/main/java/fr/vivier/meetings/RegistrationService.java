package fr.vivier.meetings;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.Siret;
import fr.vivier.directory.StaffQueueFilter;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.directory.SupplierView;
import fr.vivier.mail.MailService;
import fr.vivier.web.AuthorityConfiguration;
import fr.vivier.web.ServerKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registrations: seats counted under the event's row lock (no overbooking, even for two people taking the last seat at
 * once), a waiting list in registration order whose first person gets the seat a cancellation frees, and the mails of
 * each step, the confirmation with its iCalendar file.
 */
@Singleton
public class RegistrationService {
    static final String INVITATION_KEY = "meeting-invitation";
    static final String CANCELLATION_KEY = "meeting-cancellation";
    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** The outcome of a registration: in (confirmed or waiting), or refused with messages by field, nothing saved. */
    public sealed interface Outcome {
        record Registered(Registration registration) implements Outcome { }
        record Invalid(Map<String, String> errors) implements Outcome { }
    }

    /** A structure named by a valid invitation link: its summary, and its contact as the directory knows it. */
    record Invited(SupplierSummary supplier, @Nullable String contactName, @Nullable String contactEmail) { }

    private final MeetingRepository repository;
    private final SupplierDirectory directory;
    private final AccountService accounts;
    private final MailService mail;
    private final EventCalendar calendar;
    private final ServerKeys keys;
    private final AuthorityConfiguration authority;
    private final Clock clock;

    RegistrationService(MeetingRepository repository, SupplierDirectory directory, AccountService accounts, MailService mail,
                        EventCalendar calendar, ServerKeys keys, AuthorityConfiguration authority, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.accounts = accounts;
        this.mail = mail;
        this.calendar = calendar;
        this.keys = keys;
        this.authority = authority;
        this.clock = clock;
    }

    /** The {@code invitation} parameter of a structure's personal link to an event. */
    String invitationToken(long eventId, long supplierId) {
        return supplierId + "-" + keys.sign(INVITATION_KEY, (eventId + ":" + supplierId).getBytes(StandardCharsets.UTF_8));
    }

    /** The structure an invitation token names, when it is one the portal signed for this event. */
    @Transactional(readOnly = true)
    Optional<Invited> invited(long eventId, @Nullable String token) {
        if (token == null || !token.matches("\\d{1,18}-[0-9a-f]{64}")) {
            return Optional.empty();
        }
        long supplierId = Long.parseLong(token.substring(0, token.indexOf('-')));
        String signature = token.substring(token.indexOf('-') + 1);
        if (!keys.verify(INVITATION_KEY, (eventId + ":" + supplierId).getBytes(StandardCharsets.UTF_8), signature)) {
            return Optional.empty();
        }
        return directory.summary(supplierId).map(summary -> {
            Optional<SupplierView> view = directory.publishedViews(List.of(supplierId)).stream().findFirst();
            return new Invited(summary, view.map(v -> v.contact() == null ? null : v.contact().name()).orElse(null),
                view.map(v -> v.contact() == null ? null : v.contact().email()).orElse(null));
        });
    }

    String cancellationPath(Registration registration) {
        return PublicEventController.CANCELLATION_PATH + "/" + registration.id() + "/"
            + keys.sign(CANCELLATION_KEY, String.valueOf(registration.id()).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(readOnly = true)
    Optional<Registration> byCancellationLink(long registrationId, String signature) {
        if (signature.length() > 128
            || !keys.verify(CANCELLATION_KEY, String.valueOf(registrationId).getBytes(StandardCharsets.UTF_8), signature)) {
            return Optional.empty();
        }
        return repository.findRegistration(registrationId);
    }

    /** A supplier registers, by SIRET or through its invitation link. */
    @Transactional
    public Outcome registerSupplier(long eventId, SupplierRegistrationForm form) {
        MeetingEvent event = repository.lockEvent(eventId).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        closed(event).ifPresent(message -> errors.put("inscription", message));
        Optional<Invited> invited = invited(eventId, form.invitation());
        Long supplierId = null;
        String siret = null;
        String organisation = EventService.blankToNull(form.structure());
        if (invited.isPresent()) {
            supplierId = invited.get().supplier().id();
            siret = invited.get().supplier().siret();
            organisation = invited.get().supplier().displayName();
        } else {
            Optional<String> problem = Siret.problemWith(form.siret());
            if (problem.isPresent()) {
                errors.put("siret", problem.get());
            } else {
                siret = Siret.parse(form.siret()).orElseThrow().value();
                Optional<SupplierSummary> registered = bySiret(siret);
                if (registered.isPresent()) {
                    supplierId = registered.get().id();
                    organisation = registered.get().displayName();
                }
            }
            if (organisation == null && !errors.containsKey("siret")) {
                errors.put("structure", "Indiquez le nom de votre structure.");
            }
        }
        String name = person(form.nom(), form.courriel(), errors);
        if (siret != null && repository.active(eventId, siret, null).isPresent()) {
            errors.put("siret", "Cette structure (SIRET " + siret + ") est déjà inscrite à cet événement : l’inscription n’est pas "
                + "enregistrée une seconde fois. Retrouvez le lien d’annulation dans le courriel de confirmation.");
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(ordered(errors));
        }
        return new Outcome.Registered(register(event, new Registration(null, eventId, Participant.SUPPLIER, supplierId, siret, null,
            organisation, name, form.courriel().strip(), RegistrationStatus.CONFIRMED, clock.instant(), null, null, null, false)));
    }

    /** A signed-in buyer registers under its account. */
    @Transactional
    public Outcome registerBuyer(long eventId, long accountId) {
        MeetingEvent event = repository.lockEvent(eventId).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        closed(event).ifPresent(message -> errors.put("inscription", message));
        if (repository.active(eventId, null, accountId).isPresent()) {
            errors.put("inscription", "Vous êtes déjà inscrit(e) à cet événement.");
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        Account account = accounts.find(accountId).orElseThrow();
        String organisation = account.direction() == null || account.direction().isBlank() ? authority.getName() : account.direction();
        return new Outcome.Registered(register(event, new Registration(null, eventId, Participant.BUYER, null, null, accountId,
            organisation, account.displayName(), account.email(), RegistrationStatus.CONFIRMED, clock.instant(), null, null, null, false)));
    }

    /** The account's registration to the event that is not cancelled, if any. */
    @Transactional(readOnly = true)
    Optional<Registration> activeOf(long eventId, long accountId) {
        return repository.active(eventId, null, accountId);
    }

    private Registration register(MeetingEvent event, Registration candidate) {
        boolean seat = repository.countConfirmed(event.id()) < event.capacity();
        Registration saved = repository.insertRegistration(seat ? candidate
            : withStatus(candidate, RegistrationStatus.WAITING));
        if (seat) {
            queue(saved, event, "Inscription confirmée : " + event.title(),
                "Votre inscription est confirmée. Le fichier joint ajoute l’événement à votre agenda.", true);
        } else {
            queue(saved, event, "Liste d’attente : " + event.title(),
                "L’événement est complet : vous êtes sur la liste d’attente. Si une place se libère, elle vous est donnée "
                    + "dans l’ordre des inscriptions et vous recevrez un courriel.", false);
        }
        return saved;
    }

    /** Why nobody may register any more, if so. */
    Optional<String> closed(MeetingEvent event) {
        if (!clock.instant().isBefore(event.startsAt())) {
            return Optional.of("Cet événement a commencé : les inscriptions sont closes.");
        }
        if (!event.registrationOpen(clock)) {
            return Optional.of("Les inscriptions à cet événement sont closes depuis le " + event.deadlineFrench() + ".");
        }
        return Optional.empty();
    }

    /** Marks a confirmed registration of the event present or absent; the refusal message otherwise. */
    @Transactional
    public Optional<String> markAttendance(long eventId, AttendanceForm form) {
        Optional<Registration> registration = EventService.id(form.inscription()).flatMap(repository::findRegistration)
            .filter(r -> r.eventId() == eventId && r.status() == RegistrationStatus.CONFIRMED);
        if (registration.isEmpty()) {
            return Optional.of("Cette personne n’est pas inscrite à cet événement.");
        }
        Attendance attendance;
        try {
            attendance = Attendance.valueOf(form.presence() == null ? "" : form.presence());
        } catch (IllegalArgumentException e) {
            return Optional.of("Choisissez « présent » ou « absent ».");
        }
        repository.setAttendance(registration.get().id(), attendance, registration.get().lateArrival());
        return Optional.empty();
    }

    /** Someone who came without registering: added present, beyond the capacity (they are in the room). */
    @Transactional
    public Outcome addLateArrival(long eventId, LateArrivalForm form) {
        repository.lockEvent(eventId).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        Siret.problemWith(form.siret()).ifPresent(problem -> errors.put("siret", problem));
        String siret = errors.containsKey("siret") ? null : Siret.parse(form.siret()).orElseThrow().value();
        Optional<SupplierSummary> registered = siret == null ? Optional.empty() : bySiret(siret);
        String organisation = registered.map(SupplierSummary::displayName).orElse(EventService.blankToNull(form.structure()));
        if (organisation == null && siret != null) {
            errors.put("structure", "Indiquez le nom de la structure.");
        }
        String name = EventService.blankToNull(form.nom());
        if (name == null) {
            errors.put("nom", "Indiquez le nom de la personne arrivée.");
        }
        String email = EventService.blankToNull(form.courriel());
        if (email != null && !email.matches(EMAIL)) {
            errors.put("courriel", "Adresse électronique invalide : par exemple prenom.nom@structure.fr.");
        }
        if (siret != null && repository.active(eventId, siret, null).isPresent()) {
            errors.put("siret", "Cette structure est déjà inscrite : marquez-la présente dans la liste.");
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        Registration saved = repository.insertRegistration(new Registration(null, eventId, Participant.SUPPLIER,
            registered.map(SupplierSummary::id).orElse(null), siret, null, organisation, name, email == null ? "" : email,
            RegistrationStatus.CONFIRMED, clock.instant(), null, clock.instant(), Attendance.PRESENT, true));
        repository.setAttendance(saved.id(), Attendance.PRESENT, true);
        repository.markReminded(saved.id(), clock.instant());
        return new Outcome.Registered(saved);
    }

    /** Cancels a registration; a seat freed goes to the first of the waiting list, who is told by mail. */
    @Transactional
    public Optional<String> cancel(long registrationId) {
        Registration registration = repository.findRegistration(registrationId).orElseThrow();
        MeetingEvent event = repository.lockEvent(registration.eventId()).orElseThrow();
        registration = repository.findRegistration(registrationId).orElseThrow();
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return Optional.of("Cette inscription est déjà annulée.");
        }
        if (!clock.instant().isBefore(event.endsAt())) {
            return Optional.of("Cet événement a eu lieu : l’inscription ne peut plus être annulée.");
        }
        repository.setStatus(registrationId, RegistrationStatus.CANCELLED, clock.instant());
        if (registration.status() == RegistrationStatus.CONFIRMED && clock.instant().isBefore(event.startsAt())) {
            repository.firstWaiting(event.id()).ifPresent(next -> {
                repository.setStatus(next.id(), RegistrationStatus.CONFIRMED, null);
                queue(withStatus(next, RegistrationStatus.CONFIRMED), event, "Une place s’est libérée : " + event.title(),
                    "Une place s’est libérée : vous passez de la liste d’attente aux inscrits. Le fichier joint ajoute l’événement "
                        + "à votre agenda.", true);
            });
        }
        return Optional.empty();
    }

    /** Mails one registration about its event, with the cancellation link (and the iCalendar file when {@code withCalendar}). */
    void queue(Registration registration, MeetingEvent event, String subject, String intro, boolean withCalendar) {
        String base = mail.baseUrl();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("personName", registration.personName());
        model.put("intro", intro);
        model.put("eventTitle", event.kind().label() + " — " + event.title());
        model.put("when", event.when());
        model.put("place", calendar.place(event));
        model.put("eventUrl", base + PublicEventController.eventPath(event.id()));
        model.put("cancelUrl", base + cancellationPath(registration));
        mail.queue(registration.email(), subject, "meeting-registration", model, withCalendar ? calendar.attachment(event) : null);
    }

    private Optional<SupplierSummary> bySiret(String siret) {
        List<String> kinds = Arrays.stream(StructureKind.values()).map(Enum::name).toList();
        return directory.idsMatching(new StaffQueueFilter.SupplierCriteria(siret, "", siret, "", kinds))
            .flatMap(ids -> directory.summaries(ids).stream().filter(s -> s.siret().equals(siret)).findFirst());
    }

    private static @Nullable String person(@Nullable String name, @Nullable String email, Map<String, String> errors) {
        String person = EventService.blankToNull(name);
        if (person == null) {
            errors.put("nom", "Indiquez le nom de la personne qui viendra.");
        }
        String address = EventService.blankToNull(email);
        if (address == null) {
            errors.put("courriel", "Indiquez l’adresse électronique où recevoir la confirmation.");
        } else if (!address.matches(EMAIL)) {
            errors.put("courriel", "Adresse électronique invalide : par exemple prenom.nom@structure.fr.");
        }
        return person;
    }

    private static Registration withStatus(Registration r, RegistrationStatus status) {
        return new Registration(r.id(), r.eventId(), r.participant(), r.supplierId(), r.siret(), r.accountId(), r.organisation(),
            r.personName(), r.email(), status, r.registeredAt(), r.cancelledAt(), r.remindedAt(), r.attendance(), r.lateArrival());
    }

    private static Map<String, String> ordered(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        SupplierRegistrationForm.FIELDS.forEach(field -> {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        });
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
