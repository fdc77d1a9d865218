package fr.vivier.sourcing;

import fr.vivier.accounts.AccountService;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import fr.vivier.directory.Siret;
import fr.vivier.directory.StaffQueueFilter;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.programming.Editor;
import fr.vivier.programming.ProgrammingLine;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sourcing journal's rules: who reads and edits which entries, what an entry must say, and the places an entry is
 * started from (a supplier profile, a shortlist, a programming line, a recontact request).
 */
@Singleton
public class JournalService {
    public static final int PAGE_SIZE = 25;
    /** The oldest contact date accepted: older ones are typing mistakes. */
    static final LocalDate OLDEST = LocalDate.of(2000, 1, 1);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /**
     * Who reads the journal. A buyer reads its own entries and those of its direction and edits its own; staff read
     * every entry. {@code direction} is the account's, when it has one.
     */
    public record Viewer(long accountId, String name, boolean staff, @Nullable String direction) {
        boolean mayRead(SourcingEntry entry) {
            return staff || mayEdit(entry) || direction != null && direction.strip().equalsIgnoreCase(entry.direction().strip());
        }

        boolean mayEdit(SourcingEntry entry) {
            return entry.accountId() == accountId;
        }

        Editor editor() {
            return new Editor(accountId, name, staff, direction);
        }
    }

    /** Refused to this viewer: 403. */
    public static final class Forbidden extends RuntimeException {
        Forbidden() {
            super("journal entry of someone else");
        }
    }

    /** An entry as the list shows it. */
    public record Row(SourcingEntry entry, String authorName, boolean editable) { }

    public record RowPage(List<Row> rows, long total, int page, int pageSize) {
        public int totalPages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** What the entry form shows around the fields: the supplier, line, shortlist or request it was started from. */
    public record Context(@Nullable SupplierSummary supplier, @Nullable ProgrammingLine line, @Nullable Shortlist shortlist,
                          @Nullable RecontactRequest request, List<ProgrammingLine> lineChoices, List<Shortlist> shortlistChoices) { }

    /** The outcome of a save: the entry, or the messages by field. */
    public sealed interface Saved {
        record Done(SourcingEntry entry) implements Saved { }
        record Invalid(Map<String, String> errors) implements Saved { }
    }

    private final SourcingEntryRepository entries;
    private final RecontactRequestRepository requests;
    private final RecontactQueueService recontacts;
    private final SupplierDirectory directory;
    private final ShortlistService shortlists;
    private final ProgrammingService programming;
    private final AccountService accounts;
    private final Clock clock;

    JournalService(SourcingEntryRepository entries, RecontactRequestRepository requests, RecontactQueueService recontacts,
                   SupplierDirectory directory, ShortlistService shortlists, ProgrammingService programming, AccountService accounts,
                   Clock clock) {
        this.entries = entries;
        this.requests = requests;
        this.recontacts = recontacts;
        this.directory = directory;
        this.shortlists = shortlists;
        this.programming = programming;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Viewer viewer(long accountId, String name, boolean staff) {
        String direction = accounts.find(accountId).map(account -> account.direction()).filter(d -> !d.isBlank()).orElse(null);
        return new Viewer(accountId, name, staff, direction);
    }

    @Transactional(readOnly = true)
    public RowPage list(Viewer viewer, JournalFilter filter) {
        SourcingEntryRepository.Where where = where(viewer, filter);
        long total = entries.count(where);
        int page = (int) Math.min(filter.page(), Math.max(0, (total - 1) / PAGE_SIZE));
        return new RowPage(rows(viewer, entries.list(where, page * PAGE_SIZE, PAGE_SIZE)), total, page, PAGE_SIZE);
    }

    /** The rows of an export, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Row> export(Viewer viewer, JournalFilter filter, int limit) {
        return rows(viewer, entries.list(where(viewer, filter), 0, limit));
    }

    static SourcingEntryRepository.Where where(Viewer viewer, JournalFilter filter) {
        return viewer.staff() ? SourcingEntryRepository.Where.of(null, null, filter)
            : SourcingEntryRepository.Where.of(viewer.accountId(), viewer.direction(), filter);
    }

    private List<Row> rows(Viewer viewer, List<SourcingEntry> found) {
        Map<Long, String> names = new HashMap<>();
        return found.stream().map(entry -> new Row(entry,
            names.computeIfAbsent(entry.accountId(), id -> RecontactQueueService.agentName(accounts, id)), viewer.mayEdit(entry))).toList();
    }

    /** The entry if it exists; {@link Forbidden} when this viewer may not read it. */
    public Optional<Row> readable(long id, Viewer viewer) {
        return entries.findById(id).map(entry -> {
            if (!viewer.mayRead(entry)) {
                throw new Forbidden();
            }
            return rows(viewer, List.of(entry)).get(0);
        });
    }

    /** A new entry's form, filled from where it was started: channel, purpose and outcome guessed from the source. */
    public JournalEntryForm prefilled(Viewer viewer, @Nullable String supplierId, @Nullable String lineId, @Nullable String lotId,
                                      @Nullable String shortlistId, @Nullable String requestId) {
        String channel = ContactChannel.CALL.name();
        String purpose = null;
        String outcome = ContactOutcome.INFORMED.name();
        String supplier = supplierId;
        Optional<RecontactRequest> request = id(requestId).flatMap(requests::findById);
        if (request.isPresent()) {
            channel = ContactChannel.RECONTACT_REQUEST.name();
            purpose = "Réponse à la demande de recontact : " + request.get().topic();
            supplier = String.valueOf(request.get().supplierId());
        }
        Optional<ProgrammingLine> line = id(lineId).flatMap(programming::find);
        if (line.isPresent()) {
            purpose = "Sourcing : " + line.get().object();
        }
        Optional<Shortlist> shortlist = id(shortlistId).flatMap(shortlists::find);
        if (shortlist.isPresent()) {
            channel = ContactChannel.EMAIL.name();
            purpose = "Demande de devis : " + shortlist.get().object();
            outcome = ContactOutcome.QUOTE_REQUESTED.name();
        }
        return new JournalEntryForm(supplier, null, null, viewer.direction(), FrenchFormat.today(clock).toString(), channel, purpose,
            lineId, lotId, shortlistId, requestId, outcome, null);
    }

    /** The form of an existing entry, to edit it. */
    public JournalEntryForm formOf(SourcingEntry entry) {
        return new JournalEntryForm(entry.supplierId() == null ? null : String.valueOf(entry.supplierId()),
            entry.supplierId() == null ? entry.supplierName() : null, entry.supplierId() == null ? entry.supplierSiret() : null,
            entry.direction(), entry.contactDate().toString(), entry.channel().name(), entry.purpose(), text(entry.programmingLineId()),
            text(entry.programmingLotId()), text(entry.shortlistId()), null, entry.outcome().name(), entry.notes());
    }

    /** What the form shows around the fields, read from the ids the form carries (unknown ids show nothing). */
    @Transactional(readOnly = true)
    public Context context(JournalEntryForm form, Viewer viewer) {
        int year = FrenchFormat.today(clock).getYear();
        List<ProgrammingLine> lines = new java.util.ArrayList<>(programming.staffList(year, null, null, viewer.editor(), 0, 100).lines());
        lines.addAll(programming.staffList(year + 1, null, null, viewer.editor(), 0, 100).lines());
        return new Context(id(form.fournisseur()).flatMap(directory::summary).orElse(null),
            id(form.ligne()).flatMap(programming::find).orElse(null),
            id(form.liste()).flatMap(shortlists::find).filter(s -> viewer.staff() || s.accountId() == viewer.accountId()).orElse(null),
            id(form.demande()).flatMap(requests::findById).orElse(null),
            lines, shortlists.history(viewer.accountId(), 0, 20).getContent().stream().map(ShortlistService.Summary::shortlist).toList());
    }

    /** The messages a form would get, without saving it (for a form that also broke a length limit). */
    @Transactional(readOnly = true)
    public Map<String, String> problems(JournalEntryForm form, Viewer viewer) {
        Map<String, String> errors = new LinkedHashMap<>();
        openRequest(form.demande(), viewer, errors);
        validated(form, viewer, null, errors);
        return ordered(errors);
    }

    /** A new entry; answering a recontact request also answers and closes it, in the same transaction. */
    @Transactional
    public Saved create(JournalEntryForm form, Viewer viewer) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<RecontactRequest> request = openRequest(form.demande(), viewer, errors);
        Optional<SourcingEntry> entry = validated(form, viewer, null, errors);
        if (entry.isEmpty() || !errors.isEmpty()) {
            return new Saved.Invalid(ordered(errors));
        }
        SourcingEntry saved = entries.save(request.map(r -> withRequest(entry.get(), r)).orElse(entry.get()));
        request.ifPresent(r -> recontacts.answerFromJournal(r, viewer.accountId(), viewer.name()));
        return new Saved.Done(saved);
    }

    /** The shortlist's proposals, the ticked ones first, if this viewer may log them (its buyer, or staff). */
    public Optional<Shortlist> consultable(long shortlistId, Viewer viewer) {
        return shortlists.find(shortlistId).map(shortlist -> {
            if (!viewer.staff() && shortlist.accountId() != viewer.accountId()) {
                throw new Forbidden();
            }
            return shortlist;
        });
    }

    public List<ShortlistService.Proposal> proposals(Shortlist shortlist) {
        return shortlists.proposals(shortlist);
    }

    /** The form of « consultations » of a shortlist: its selected suppliers ticked, a quote asked for by mail today. */
    public ConsultationsForm consultationsOf(Shortlist shortlist, Viewer viewer) {
        return new ConsultationsForm(String.valueOf(shortlist.id()), shortlists.selectedIds(shortlist).stream().map(String::valueOf).toList(),
            viewer.direction(), FrenchFormat.today(clock).toString(), ContactChannel.EMAIL.name(), "Demande de devis : " + shortlist.object(),
            ContactOutcome.QUOTE_REQUESTED.name(), null);
    }

    /** One entry per ticked supplier of the shortlist, all or none. */
    @Transactional
    public Saved consultations(Shortlist shortlist, ConsultationsForm form, Viewer viewer) {
        List<Long> proposed = shortlists.proposals(shortlist).stream().map(ShortlistService.Proposal::supplierId).toList();
        List<String> ticked = form.suppliers().stream().filter(id -> id(id).filter(proposed::contains).isPresent()).distinct().toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (ticked.isEmpty()) {
            errors.put("fournisseur", "Cochez au moins un fournisseur consulté.");
        }
        String first = ticked.isEmpty() ? null : ticked.get(0);
        Map<String, String> common = new LinkedHashMap<>();
        validated(form.entryFor(first), viewer, null, common);
        if (first == null) {
            common.remove("nomFournisseur");
            common.remove("siret");
        }
        common.forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            return new Saved.Invalid(errors);
        }
        List<SourcingEntry> toSave = ticked.stream()
            .map(supplierId -> validated(form.entryFor(supplierId), viewer, null, new LinkedHashMap<>()).orElseThrow()).toList();
        toSave.forEach(entries::save);
        return new Saved.Done(toSave.get(0));
    }

    @Transactional
    public Saved update(long id, JournalEntryForm form, Viewer viewer) {
        SourcingEntry existing = entries.findById(id).orElseThrow();
        if (!viewer.mayEdit(existing)) {
            throw new Forbidden();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<SourcingEntry> entry = validated(form, viewer, existing, errors);
        if (entry.isEmpty() || !errors.isEmpty()) {
            return new Saved.Invalid(ordered(errors));
        }
        return new Saved.Done(entries.update(entry.get()));
    }

    /** The entry the form describes, or empty with the messages in {@code errors}. */
    private Optional<SourcingEntry> validated(JournalEntryForm form, Viewer viewer, @Nullable SourcingEntry existing,
                                              Map<String, String> errors) {
        SupplierOfEntry supplier = supplier(form, errors);
        String direction = viewer.direction() != null && !viewer.staff() ? viewer.direction() : blankToNull(form.direction());
        if (existing != null && !viewer.staff() && viewer.direction() == null) {
            direction = blankToNull(form.direction()) == null ? existing.direction() : form.direction().strip();
        }
        if (direction == null) {
            errors.put("direction", "Indiquez la direction pour laquelle le contact a eu lieu.");
        }
        LocalDate date = date(form.date(), errors);
        ContactChannel channel = code(form.canal(), ContactChannel.class, "canal", "Choisissez le canal du contact.", errors);
        ContactOutcome outcome = code(form.issue(), ContactOutcome.class, "issue", "Choisissez l’issue du contact.", errors);
        String purpose = blankToNull(form.objet());
        if (purpose == null) {
            errors.put("objet", "Indiquez l’objet du contact.");
        }
        Optional<ProgrammingLine> line = optionalId(form.ligne(), "ligne", "Choisissez une ligne de la programmation.", errors)
            .flatMap(id -> found(programming.find(id), "ligne", "Cette ligne de programmation n’existe pas.", errors));
        Long lotId = optionalId(form.lot(), "lot", "Choisissez un lot de la ligne.", errors).orElse(null);
        if (lotId != null && line.map(l -> l.lots().stream().noneMatch(lot -> lot.id() == lotId)).orElse(true)) {
            errors.put("lot", "Ce lot n’appartient pas à la ligne choisie.");
        }
        Optional<Shortlist> shortlist = optionalId(form.liste(), "liste", "Choisissez une de vos listes.", errors)
            .flatMap(id -> found(shortlists.find(id).filter(s -> viewer.staff() || s.accountId() == viewer.accountId()), "liste",
                "Choisissez une de vos listes.", errors));
        if (!errors.isEmpty() || supplier == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(new SourcingEntry(existing == null ? null : existing.id(), existing == null ? viewer.accountId() : existing.accountId(),
            direction, supplier.id(), supplier.name(), supplier.siret(), supplier.family(), date, channel, purpose,
            line.map(ProgrammingLine::id).orElse(null), lotId, shortlist.map(Shortlist::id).orElse(null),
            existing == null ? null : existing.recontactRequestId(), outcome, form.notes() == null ? "" : form.notes().strip(),
            existing == null ? now : existing.createdAt(), now));
    }

    private record SupplierOfEntry(@Nullable Long id, String name, @Nullable String siret, SupplierFamily family) { }

    /** A registered structure by id; else a name and a valid SIRET, linked to the directory when the SIRET is registered. */
    private @Nullable SupplierOfEntry supplier(JournalEntryForm form, Map<String, String> errors) {
        Optional<Long> id = id(form.fournisseur());
        if (id.isPresent()) {
            Optional<SupplierSummary> registered = directory.summary(id.get());
            if (registered.isEmpty()) {
                errors.put("nomFournisseur", "Cette structure n’est plus dans l’annuaire : indiquez son nom et son SIRET.");
                return null;
            }
            return registered(registered.get());
        }
        String name = blankToNull(form.nomFournisseur());
        if (name == null) {
            errors.put("nomFournisseur", "Indiquez le nom de la structure.");
        }
        Optional<String> siretProblem = Siret.problemWith(form.siret());
        siretProblem.ifPresent(problem -> errors.put("siret", problem));
        if (name == null || siretProblem.isPresent()) {
            return null;
        }
        String siret = Siret.parse(form.siret()).orElseThrow().value();
        return bySiret(siret).map(JournalService::registered)
            .orElse(new SupplierOfEntry(null, name, siret, SupplierFamily.UNREGISTERED));
    }

    private Optional<SupplierSummary> bySiret(String siret) {
        List<String> kinds = Arrays.stream(StructureKind.values()).map(Enum::name).toList();
        return directory.idsMatching(new StaffQueueFilter.SupplierCriteria(siret, "", siret, "", kinds))
            .flatMap(ids -> directory.summaries(ids).stream().filter(s -> s.siret().equals(siret)).findFirst());
    }

    private static SupplierOfEntry registered(SupplierSummary supplier) {
        return new SupplierOfEntry(supplier.id(), supplier.displayName(), supplier.siret(), SupplierFamily.of(supplier.kind()));
    }

    /** The request a form answers: open, and given to this viewer or answered by staff. */
    private Optional<RecontactRequest> openRequest(@Nullable String requestId, Viewer viewer, Map<String, String> errors) {
        Optional<Long> id = id(requestId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<RecontactRequest> request = requests.findById(id.get());
        if (request.isEmpty() || !viewer.staff() && !Long.valueOf(viewer.accountId()).equals(request.get().assignedTo())) {
            throw new Forbidden();
        }
        if (!RecontactQueueService.OPEN.contains(request.get().status())) {
            errors.put("canal", "Cette demande de recontact est déjà " + request.get().status().label().toLowerCase(java.util.Locale.FRENCH)
                + " : notez ce contact sans la demande.");
            return Optional.empty();
        }
        return request;
    }

    private static SourcingEntry withRequest(SourcingEntry entry, RecontactRequest request) {
        return new SourcingEntry(entry.id(), entry.accountId(), entry.direction(), entry.supplierId(), entry.supplierName(),
            entry.supplierSiret(), entry.supplierFamily(), entry.contactDate(), entry.channel(), entry.purpose(), entry.programmingLineId(),
            entry.programmingLotId(), entry.shortlistId(), request.id(), entry.outcome(), entry.notes(), entry.createdAt(), entry.updatedAt());
    }

    /** A date as the date field sends it (2026-03-12) or as a person types it (12/03/2026); not in the future. */
    private @Nullable LocalDate date(@Nullable String value, Map<String, String> errors) {
        if (blankToNull(value) == null) {
            errors.put("date", "Indiquez la date du contact.");
            return null;
        }
        LocalDate date = parseDate(value.strip());
        if (date == null) {
            errors.put("date", "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).");
        } else if (date.isAfter(FrenchFormat.today(clock))) {
            errors.put("date", "La date du contact ne peut pas être dans le futur.");
        } else if (date.isBefore(OLDEST)) {
            errors.put("date", "La date du contact doit être postérieure au 1er janvier 2000.");
        } else {
            return date;
        }
        return null;
    }

    private static @Nullable LocalDate parseDate(String value) {
        for (Function<String, LocalDate> parser : List.<Function<String, LocalDate>>of(LocalDate::parse, v -> LocalDate.parse(v, FRENCH_DATE))) {
            try {
                return parser.apply(value);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static <E extends Enum<E>> @Nullable E code(@Nullable String value, Class<E> type, String field, String message,
                                                        Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static Optional<Long> optionalId(@Nullable String value, String field, String message, Map<String, String> errors) {
        if (blankToNull(value) == null) {
            return Optional.empty();
        }
        Optional<Long> id = id(value);
        if (id.isEmpty()) {
            errors.put(field, message);
        }
        return id;
    }

    private static <T> Optional<T> found(Optional<T> value, String field, String message, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, message);
        }
        return value;
    }

    static Optional<Long> id(@Nullable String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.strip()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String text(@Nullable Long id) {
        return id == null ? null : String.valueOf(id);
    }

    private static Map<String, String> ordered(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        JournalEntryForm.FIELDS.forEach(field -> {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        });
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
