package fr.vivier.directory;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.reference.Territories;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    public record QueueEntry(RecontactRequest request, @Nullable Supplier supplier, @Nullable String commune, List<String> sectorLabels,
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

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Requests extends GenericRepository<RecontactRequest, Long> {
        /** Requests of a period and statuses, narrowed by their structure (see {@link StaffQueueFilter.SupplierCriteria}). */
        @Query(value = """
            SELECT r.* FROM recontact_request r JOIN supplier s ON s.id = r.supplier_id
            WHERE r.status IN (:statuses) AND r.created_at >= :from AND r.created_at < :to
            AND s.kind IN (:kinds) AND (:communeCode = '' OR s.commune_code = :communeCode)
            AND (:text = '' OR s.name ILIKE :namePattern OR s.trade_name ILIKE :namePattern OR s.siret LIKE :siretPrefix)
            ORDER BY r.created_at, r.id""", countQuery = """
            SELECT count(*) FROM recontact_request r JOIN supplier s ON s.id = r.supplier_id
            WHERE r.status IN (:statuses) AND r.created_at >= :from AND r.created_at < :to
            AND s.kind IN (:kinds) AND (:communeCode = '' OR s.commune_code = :communeCode)
            AND (:text = '' OR s.name ILIKE :namePattern OR s.trade_name ILIKE :namePattern OR s.siret LIKE :siretPrefix)""")
        Page<RecontactRequest> findListed(Collection<String> statuses, Instant from, Instant to, Collection<String> kinds,
                                          String communeCode, String text, String namePattern, String siretPrefix, Pageable pageable);
    }

    private final Requests listed;
    private final RecontactRequestRepository requests;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final ReferenceData reference;
    private final Territories territories;
    private final JdbcOperations jdbc;
    private final Clock clock;

    RecontactQueueService(Requests listed, RecontactRequestRepository requests, DirectoryService directory, AccountService accounts,
                          ReferenceData reference, Territories territories, JdbcOperations jdbc, Clock clock) {
        this.listed = listed;
        this.requests = requests;
        this.directory = directory;
        this.accounts = accounts;
        this.reference = reference;
        this.territories = territories;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Oldest first, so that nobody waits forever. */
    public Page<QueueEntry> list(Collection<RecontactRequest.Status> statuses, Period period, int page, int size) {
        return list(statuses, period, StaffQueueFilter.SupplierCriteria.none(), page, size);
    }

    public Page<QueueEntry> list(Collection<RecontactRequest.Status> statuses, Period period, StaffQueueFilter.SupplierCriteria structure,
                                 int page, int size) {
        Page<RecontactRequest> found = listed.findListed(statuses.stream().map(Enum::name).toList(), period.start(), period.end(),
            structure.kinds(), structure.communeCode(), structure.text(), structure.namePattern(), structure.siretPrefix(),
            Pageable.from(page, size));
        Function<RecontactRequest, QueueEntry> entry = entries();
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
        return requests.findBySupplierId(supplierId).stream()
            .sorted(Comparator.comparing(RecontactRequest::createdAt).reversed()).map(entries()).toList();
    }

    /** Builds entries, looking each structure, sector and agent up once per page. */
    private Function<RecontactRequest, QueueEntry> entries() {
        Map<String, String> sectorLabels = reference.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::label));
        Map<Long, Optional<Supplier>> suppliers = new HashMap<>();
        Map<Long, String> agents = new HashMap<>();
        Instant now = clock.instant();
        Instant overdueBefore = overdueBefore();
        return request -> {
            Supplier supplier = suppliers.computeIfAbsent(request.supplierId(), directory::find).orElse(null);
            return new QueueEntry(request, supplier,
                supplier == null ? null : territories.commune(supplier.communeCode()).map(Territories.CommuneEntry::displayName)
                    .orElse(supplier.communeCode()),
                Arrays.stream(request.sectors().split(" ")).filter(code -> !code.isBlank())
                    .map(code -> sectorLabels.getOrDefault(code, code)).toList(),
                request.assignedTo() == null ? null : agents.computeIfAbsent(request.assignedTo(),
                    id -> accounts.findEnabled(id).map(Account::displayName).orElse("compte désactivé")),
                Duration.between(request.createdAt(), now), OPEN.contains(request.status()) && request.createdAt().isBefore(overdueBefore));
        };
    }

    @Transactional(readOnly = true)
    public AnswerDelay medianAnswerDelay(Period period) {
        return jdbc.prepareStatement("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at)), count(*)
            FROM recontact_request WHERE answered_at IS NOT NULL AND created_at >= ? AND created_at < ?""", statement -> {
            statement.setTimestamp(1, Timestamp.from(period.start()));
            statement.setTimestamp(2, Timestamp.from(period.end()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                double seconds = rows.getDouble(1);
                boolean none = rows.wasNull();
                return new AnswerDelay(none ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round(seconds))), rows.getLong(2));
            }
        });
    }

    /** « Je m’en occupe »: a new request, or one another agent took, becomes the current agent's. */
    @Transactional
    public RecontactRequest assignToMe(long requestId, CurrentUser staff) {
        RecontactRequest request = existing(requestId);
        if (request.status() != RecontactRequest.Status.NEW && request.status() != RecontactRequest.Status.ASSIGNED) {
            throw new Refused("Cette demande est déjà " + request.status().label().toLowerCase(java.util.Locale.FRENCH)
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
            throw new Refused("Cette demande est déjà " + request.status().label().toLowerCase(java.util.Locale.FRENCH)
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
        directory.record(request.supplierId(), staff.displayName(), HistoryAction.of(status), detail);
        return updated;
    }

    private RecontactRequest existing(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new Refused("Cette demande de recontact est introuvable."));
    }
}
