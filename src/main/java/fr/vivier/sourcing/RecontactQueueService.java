package fr.vivier.sourcing;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.StaffQueueFilter;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.shared.WorkingDays;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FrenchFormat;
import io.micronaut.context.annotation.Value;
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
    private final int overdueWorkingDays;

    RecontactQueueService(RecontactRequestRepository requests, SupplierDirectory directory, AccountService accounts,
                          ReferenceData reference, Clock clock,
                          @Value("${vivier.sourcing.recontact-overdue-working-days:10}") int overdueWorkingDays) {
        this.requests = requests;
        this.directory = directory;
        this.accounts = accounts;
        this.reference = reference;
        this.clock = clock;
        this.overdueWorkingDays = overdueWorkingDays;
    }

    /** A request still open (new or taken) for more than this many working days is overdue. */
    public int overdueWorkingDays() {
        return overdueWorkingDays;
    }

    /** The agent's name, also once its account is disabled (the queue and the journal keep saying who did what). */
    static String agentName(AccountService accounts, long accountId) {
        return accounts.find(accountId).map(account -> account.enabled() ? account.displayName()
            : account.displayName() + " (compte désactivé)").orElse("compte supprimé");
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

    /** Open requests made before this instant are overdue: the start of the day that many working days ago (French public holidays off). */
    public Instant overdueBefore() {
        return WorkingDays.minus(FrenchFormat.today(clock), overdueWorkingDays).atStartOfDay(FrenchFormat.ZONE).toInstant();
    }

    /** The open requests given to this account, oldest first (a buyer answers them from its journal). */
    public List<QueueEntry> assignedTo(long accountId) {
        List<RecontactRequest> found = requests.findByAssignedToAndStatusInOrderByCreatedAt(accountId, OPEN);
        return found.stream().map(entries(found)).toList();
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
            request.assignedTo() == null ? null : agents.computeIfAbsent(request.assignedTo(), id -> agentName(accounts, id)),
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

    /** Staff give a new or taken request to a buyer, who answers it from its journal and is reminded when it is overdue. */
    @Transactional
    public RecontactRequest assignToBuyer(long requestId, long buyerId, CurrentUser staff) {
        RecontactRequest request = existing(requestId);
        if (!OPEN.contains(request.status())) {
            throw new Refused("Cette demande est déjà " + request.status().label().toLowerCase(Locale.FRENCH)
                + " : elle ne peut plus être attribuée.");
        }
        Account buyer = accounts.find(buyerId).filter(Account::enabled).filter(account -> account.role() == Role.BUYER)
            .orElseThrow(() -> new Refused("Choisissez un acheteur de la liste."));
        RecontactRequest updated = requests.update(new RecontactRequest(request.id(), request.supplierId(), request.topic(),
            request.sectors(), request.message(), RecontactRequest.Status.ASSIGNED, buyer.id(), request.createdAt(), clock.instant(),
            request.answeredAt(), request.closedAt(), null));
        directory.recordHistory(request.supplierId(), staff.displayName(), RecontactRequest.Status.ASSIGNED.historyAction(),
            "demande n° " + requestId + " attribuée à " + buyer.displayName());
        return updated;
    }

    /** Answered by a journal entry: the request is answered and closed at once; the delay runs from the request to now. */
    void answerFromJournal(RecontactRequest request, long accountId, String actor) {
        Instant now = clock.instant();
        requests.update(new RecontactRequest(request.id(), request.supplierId(), request.topic(), request.sectors(), request.message(),
            RecontactRequest.Status.CLOSED, request.assignedTo() == null ? Long.valueOf(accountId) : request.assignedTo(),
            request.createdAt(), request.assignedAt() == null ? now : request.assignedAt(), now, now, request.remindedAt()));
        directory.recordHistory(request.supplierId(), actor, RecontactRequest.Status.CLOSED.historyAction(),
            "demande n° " + request.id() + " répondue (journal de sourcing) et close");
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
            status == RecontactRequest.Status.CLOSED ? now : request.closedAt(), request.remindedAt()));
        directory.recordHistory(request.supplierId(), staff.displayName(), status.historyAction(), detail);
        return updated;
    }

    private RecontactRequest existing(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new Refused("Cette demande de recontact est introuvable."));
    }
}
