package fr.vivier.sourcing;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.StaffQueueFilter;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The staff queue of « demandes de recontact »: NEW → ASSIGNED → ANSWERED → CLOSED, with who and when,
 * and the median delay between a request and its answer (the RECONTACT indicator builds on it).
 */
@Singleton
public class RecontactQueueService {
    /** A request still open (new or taken) made before the start of the day this many days ago is overdue. */
    public static final int OVERDUE_AFTER_DAYS = 7;
    public static final Set<RecontactRequest.Status> OPEN = Set.of(RecontactRequest.Status.NEW, RecontactRequest.Status.ASSIGNED);
    /** A transition the request's current status does not allow. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Requests created in [from, to); both ends may be open. */
    public record Period(@Nullable Instant from, @Nullable Instant to) {
        private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
        private static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

        Instant start() {
            return from == null ? BEGINNING : from;
        }

        Instant end() {
            return to == null ? END : to;
        }
    }

    /** A request with what the queue shows about it; dates with their time, the age as a person would say it. */
    public record QueueEntry(RecontactRequest request, @Nullable SupplierSummary supplier, List<String> sectorLabels,
                             @Nullable String assigneeName, Duration age, boolean overdue) {
        public String createdAtFrench() {
            return FrenchFormat.dateTime(request.createdAt());
        }

        public String answeredAtFrench() {
            return FrenchFormat.dateTime(request.answeredAt());
        }

        public String closedAtFrench() {
            return FrenchFormat.dateTime(request.closedAt());
        }

        /** « moins d’une heure », « 5 h », « 1 jour », « 12 jours »: whole hours, then whole days (no line break inside). */
        public String ageFrench() {
            if (age.toHours() < 1) {
                return "moins d’une heure";
            }
            if (age.toHours() < 24) {
                return age.toHours() + "\u00a0h";
            }
            return age.toDays() + (age.toDays() == 1 ? "\u00a0jour" : "\u00a0jours");
        }
    }

    /** The median delay from creation to answer over the requests answered so far; empty when none is. */
    public record AnswerDelay(Optional<Duration> median, long answered) { }

    private final RecontactRequestRepository requests;
    private final SupplierDirectory directory;
    private final AccountService accounts;
    private final ReferenceData reference;
    private final Clock clock;

    RecontactQueueService(RecontactRequestRepository requests, SupplierDirectory directory, AccountService accounts,
                          ReferenceData reference, Clock clock) {
        this.requests = requests;
        this.directory = directory;
        this.accounts = accounts;
        this.reference = reference;
        this.clock = clock;
    }

    /** Oldest first, so that nobody waits forever. */
    public Page<QueueEntry> list(Collection<RecontactRequest.Status> statuses, Period period, int page, int size) {
        return list(statuses, period, StaffQueueFilter.SupplierCriteria.none(), page, size);
    }

    /** Narrowed by the structure (name or SIRET, commune, kind), which the directory reads. */
    public Page<QueueEntry> list(Collection<RecontactRequest.Status> statuses, Period period, StaffQueueFilter.SupplierCriteria structure,
                                 int page, int size) {
        List<String> statusNames = statuses.stream().map(Enum::name).toList();
        Optional<Set<Long>> supplierIds = directory.idsMatching(structure);
        if (supplierIds.isPresent() && supplierIds.get().isEmpty()) {
            return Page.of(List.of(), Pageable.from(page, size), 0L);
        }
        Page<RecontactRequest> found = supplierIds.isEmpty()
            ? requests.findListed(statusNames, period.start(), period.end(), Pageable.from(page, size))
            : requests.findListedOfSuppliers(statusNames, period.start(), period.end(), supplierIds.get(), Pageable.from(page, size));
        Function<RecontactRequest, QueueEntry> entry = entries(found.getContent());
        return found.map(entry);
    }

    /** Open requests made before this instant are overdue. */
    public Instant overdueBefore() {
        return FrenchFormat.today(clock).minusDays(OVERDUE_AFTER_DAYS).atStartOfDay(FrenchFormat.ZONE).toInstant();
    }

    public Optional<RecontactRequest> find(long requestId) {
        return requests.findById(requestId);
    }

    /** The requests of one structure, newest first. */
    public List<QueueEntry> ofSupplier(long supplierId) {
        List<RecontactRequest> found = requests.findBySupplierId(supplierId).stream()
            .sorted(Comparator.comparing(RecontactRequest::createdAt).reversed()).toList();
        return found.stream().map(entries(found)).toList();
    }

    /** Builds the entries of these requests, looking the structures up in one query, each sector and agent once. */
    private Function<RecontactRequest, QueueEntry> entries(List<RecontactRequest> shown) {
        Map<String, String> sectorLabels = reference.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::label));
        Map<Long, SupplierSummary> suppliers = new HashMap<>();
        directory.summaries(shown.stream().map(RecontactRequest::supplierId).toList())
            .forEach(supplier -> suppliers.put(supplier.id(), supplier));
        Map<Long, String> agents = new HashMap<>();
        Instant now = clock.instant();
        Instant overdueBefore = overdueBefore();
        return request -> new QueueEntry(request,
            suppliers.get(request.supplierId()),
            Arrays.stream(request.sectors().split(" ")).filter(code -> !code.isBlank())
                .map(code -> sectorLabels.getOrDefault(code, code)).toList(),
            request.assignedTo() == null ? null : agents.computeIfAbsent(request.assignedTo(),
                id -> accounts.findEnabled(id).map(Account::displayName).orElse("compte désactivé")),
            Duration.between(request.createdAt(), now), OPEN.contains(request.status()) && request.createdAt().isBefore(overdueBefore));
    }

    @Transactional(readOnly = true)
    public AnswerDelay medianAnswerDelay(Period period) {
        Double seconds = requests.findMedianAnswerSeconds(period.start(), period.end());
        return new AnswerDelay(Optional.ofNullable(seconds).map(s -> Duration.ofSeconds(Math.round(s))),
            requests.countAnswered(period.start(), period.end()));
    }

    /** « Je m’en occupe »: a new request, or one another agent took, becomes the current agent's. */
    @Transactional
    public RecontactRequest assignToMe(long requestId, CurrentUser staff) {
        RecontactRequest request = existing(requestId);
        if (request.status() != RecontactRequest.Status.NEW && request.status() != RecontactRequest.Status.ASSIGNED) {
            throw new Refused("Cette demande est déjà " + request.status().label().toLowerCase(Locale.FRENCH)
                + " : elle ne peut plus être attribuée.");
        }
        if (request.status() == RecontactRequest.Status.ASSIGNED && Long.valueOf(staff.accountId()).equals(request.assignedTo())) {
            throw new Refused("Vous vous occupez déjà de cette demande.");
        }
        return save(request, RecontactRequest.Status.ASSIGNED, staff, "demande n° " + requestId + " prise en charge par " + staff.displayName());
    }

    /** An agent answering a request nobody took also takes it. */
    @Transactional
    public RecontactRequest markAnswered(long requestId, CurrentUser staff) {
        RecontactRequest request = existing(requestId);
        if (request.status() != RecontactRequest.Status.NEW && request.status() != RecontactRequest.Status.ASSIGNED) {
            throw new Refused("Cette demande est déjà " + request.status().label().toLowerCase(Locale.FRENCH)
                + " : elle ne peut pas être marquée comme répondue.");
        }
        return save(request, RecontactRequest.Status.ANSWERED, staff, "demande n° " + requestId + " répondue");
    }

    @Transactional
    public RecontactRequest close(long requestId, CurrentUser staff) {
        RecontactRequest request = existing(requestId);
        if (request.status() == RecontactRequest.Status.CLOSED) {
            throw new Refused("Cette demande est déjà close.");
        }
        return save(request, RecontactRequest.Status.CLOSED, staff, "demande n° " + requestId + " close");
    }

    private RecontactRequest save(RecontactRequest request, RecontactRequest.Status status, CurrentUser staff, String detail) {
        Instant now = clock.instant();
        boolean takes = status == RecontactRequest.Status.ASSIGNED
            || status == RecontactRequest.Status.ANSWERED && request.assignedTo() == null;
        RecontactRequest updated = requests.update(new RecontactRequest(request.id(), request.supplierId(), request.topic(),
            request.sectors(), request.message(), status,
            takes ? Long.valueOf(staff.accountId()) : request.assignedTo(), request.createdAt(),
            takes ? now : request.assignedAt(),
            status == RecontactRequest.Status.ANSWERED ? now : request.answeredAt(),
            status == RecontactRequest.Status.CLOSED ? now : request.closedAt()));
        directory.recordHistory(request.supplierId(), staff.displayName(), status.historyAction(), detail);
        return updated;
    }

    private RecontactRequest existing(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new Refused("Cette demande de recontact est introuvable."));
    }
}
