package fr.vivier.sourcing;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The staff queue of « demandes de recontact »: NEW → ASSIGNED → ANSWERED → CLOSED, with who and when,
 * and the median delay between a request and its answer (the RECONTACT indicator builds on it).
 */
@Singleton
public class RecontactQueueService {
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

    /** A request with what the queue shows about it. */
    public record QueueEntry(RecontactRequest request, @Nullable SupplierSummary supplier, List<String> sectorLabels,
                             @Nullable String assigneeName, long ageDays) {
        public String createdOnFrench() {
            return FrenchFormat.date(request.createdAt());
        }

        public String answeredOnFrench() {
            return FrenchFormat.date(request.answeredAt());
        }

        public String closedOnFrench() {
            return FrenchFormat.date(request.closedAt());
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
        Page<RecontactRequest> found = requests.findListed(statuses.stream().map(Enum::name).toList(), period.start(), period.end(),
            Pageable.from(page, size));
        Function<RecontactRequest, QueueEntry> entry = entries(found.getContent());
        return found.map(entry);
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
        return request -> new QueueEntry(request,
            suppliers.get(request.supplierId()),
            Arrays.stream(request.sectors().split(" ")).filter(code -> !code.isBlank())
                .map(code -> sectorLabels.getOrDefault(code, code)).toList(),
            request.assignedTo() == null ? null : agents.computeIfAbsent(request.assignedTo(),
                id -> accounts.findEnabled(id).map(Account::displayName).orElse("compte désactivé")),
            // whole days elapsed: a request made at 23:50 is not « 1 jour » old ten minutes later
            Duration.between(request.createdAt(), now).toDays());
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
