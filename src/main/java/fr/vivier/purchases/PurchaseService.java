package fr.vivier.purchases;

import fr.vivier.directory.CompanySize;
import fr.vivier.directory.StructureKind;
import fr.vivier.purchases.PurchaseVocabulary.Source;
import fr.vivier.sourcing.JournalService;
import fr.vivier.sourcing.SourcingJournal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The purchase records' use cases: imports (page and command line), entry by a person, lists. */
@Singleton
public class PurchaseService {
    private final PurchaseImport imports;
    private final DecpRecordReader decp;
    private final PurchaseFields fields;
    private final PurchaseWriter writer;
    private final PurchaseRepository purchases;
    private final SourcingJournal journal;
    private final Clock clock;
    private final PurchaseFigures figures;

    PurchaseService(PurchaseImport imports, DecpRecordReader decp, PurchaseFields fields, PurchaseWriter writer, PurchaseRepository purchases,
                    SourcingJournal journal, Clock clock, PurchaseFigures figures) {
        this.journal = journal;
        this.figures = figures;
        this.clock = clock;
        this.imports = imports;
        this.decp = decp;
        this.fields = fields;
        this.writer = writer;
        this.purchases = purchases;
    }

    /** The two kinds of files staff import. */
    public enum FileKind { DECP, SPREADSHEET }

    /** Reads the file as a stream; with {@code save} false, a preview that saves nothing. */
    public ImportReport importFile(FileKind kind, InputStream input, boolean save, @Nullable Long accountId, PurchaseImport.Progress progress) {
        Iterator<PurchaseImport.ReadRecord> records;
        try {
            records = kind == FileKind.DECP ? new DecpFile(input, decp) : PurchaseSheet.read(input, fields);
        } catch (PurchaseImport.Unreadable unreadable) {
            ImportReport report = new ImportReport();
            report.refuseFile(unreadable.getMessage());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report = imports.run(records, save, accountId, progress);
        if (save) {
            figures.refreshStale();
        }
        return report;
    }

    /** Saved, with its id, or the French problems by form field. */
    public sealed interface Entry {
        record Saved(long id) implements Entry { }

        record Invalid(Map<String, String> errors) implements Entry { }
    }

    /**
     * A purchase typed in the entry form; a blank reference gets one generated (« SAISIE-… »). The journal's contacts it
     * links must be readable by the person and be with one of its holders.
     */
    public Entry enter(PurchaseForm form, @Nullable Long shortlistId, JournalService.Viewer person) {
        Map<Column, String> typed = new LinkedHashMap<>(form.cells());
        typed.put(Column.ACHETEUR, "");
        if (!person.staff()) {
            typed.put(Column.DIRECTION, person.direction() == null ? "" : person.direction());
        }
        boolean generated = typed.getOrDefault(Column.REFERENCE, "").isBlank();
        if (generated) {
            typed.put(Column.REFERENCE, "SAISIE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
        }
        return save(typed, shortlistId == null ? Source.MANUAL : Source.SHORTLIST, shortlistId, !generated, form.contactIds(), person);
    }

    /** Refused: the record was imported (it is corrected in its file), or the person may not edit it. */
    static final class NotEditable extends RuntimeException {
        NotEditable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Whether this person may correct this record: one entered in the portal, by staff or a buyer of its direction. */
    static boolean editable(PurchaseRow row) {
        return row.source().equals(Source.MANUAL.name()) || row.source().equals(Source.SHORTLIST.name());
    }

    /**
     * A record entered in the portal, corrected with the same rules as its entry: its reference, source and shortlist stay;
     * a buyer keeps it in its direction. Holders it still names keep their frozen attributes.
     */
    public Entry edit(PurchaseRow row, PurchaseForm form, JournalService.Viewer person) {
        if (!editable(row)) {
            throw new NotEditable("Un achat importé se corrige dans son fichier, puis par un nouvel import.");
        }
        Map<Column, String> typed = new LinkedHashMap<>(form.cells());
        typed.put(Column.ACHETEUR, row.buyerKey());
        typed.put(Column.REFERENCE, row.reference());
        if (!person.staff()) {
            typed.put(Column.DIRECTION, row.direction());
        }
        return save(typed, Source.valueOf(row.source()), row.shortlistId(), false, form.contactIds(), person);
    }

    private Entry save(Map<Column, String> typed, Source source, @Nullable Long shortlistId, boolean checkReference, List<Long> contactIds,
                       JournalService.Viewer person) {
        PurchaseImport.ReadRecord record = fields.read("saisie", typed, source, true);
        Map<String, String> errors = new LinkedHashMap<>();
        record.problems().all().stream().filter(RecordProblems.Problem::refusal)
            .forEach(problem -> errors.putIfAbsent(formName(problem.field()), problem.reason()));
        if (errors.isEmpty() && checkReference && purchases.referenceTaken("", record.input().reference)) {
            errors.put(Column.REFERENCE.formName(), "Cette référence est déjà celle d’un achat enregistré.");
        }
        if (record.input() != null && !contactsWithHolders(contactIds, record.input(), person)) {
            errors.put("contacts", "Seuls les contacts du journal avec un titulaire de l’achat peuvent lui être liés.");
        }
        if (!errors.isEmpty()) {
            return new Entry.Invalid(errors);
        }
        record.input().shortlistId = shortlistId;
        record.input().sourcingEntryIds = contactIds.isEmpty() ? null : contactIds.stream().sorted().toList();
        Long id = writer.write(List.of(record.input()), true, person.accountId()).get(0).id();
        return new Entry.Saved(id);
    }

    private boolean contactsWithHolders(List<Long> contactIds, PurchaseInput input, JournalService.Viewer person) {
        if (contactIds.isEmpty()) {
            return true;
        }
        Set<String> holders = input.holders.stream().filter(PurchaseInput.Party::isSiret).map(PurchaseInput.Party::identifier)
            .collect(Collectors.toSet());
        List<SourcingJournal.Contact> found = journal.contacts(contactIds, person);
        return found.size() == contactIds.size() && found.stream().allMatch(contact -> holders.contains(contact.supplierSiret()));
    }

    /** The journal's contacts with the structures of these SIRETs the person may read: those a purchase may link. */
    List<SourcingJournal.Contact> linkableContacts(Collection<String> sirets, JournalService.Viewer person) {
        return journal.contactsWith(sirets, person, 50);
    }

    /** The contacts a purchase links that the person may read. */
    List<SourcingJournal.Contact> linkedContacts(PurchaseRow purchase, JournalService.Viewer person) {
        return purchase.sourcingEntryIds() == null ? List.of() : journal.contacts(purchase.sourcingEntryIds(), person);
    }

    private static String formName(String header) {
        for (Column column : Column.values()) {
            if (column.header().equals(header)) {
                return column.formName();
            }
        }
        return header;
    }

    /** A page of a list, with its total. */
    public record Page(List<PurchaseRow> rows, long total, int page, int size) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    @Transactional(readOnly = true)
    Page list(PurchaseRepository.Filter filter, int page, int size) {
        return new Page(purchases.page(filter, page * size, size), purchases.count(filter), page, size);
    }

    @Transactional(readOnly = true)
    Optional<PurchaseRow> find(long id) {
        return purchases.find(List.of(id)).stream().findFirst();
    }

    /** The holder still to qualify by this identifier, if a purchase names it. */
    @Transactional(readOnly = true)
    Optional<PurchaseRepository.UnmatchedHolder> unmatchedHolder(String identifier) {
        return purchases.unmatchedHolder(identifier);
    }

    /** Qualified by hand (kept as such for later imports too), or the French problems by field. */
    public sealed interface Qualified {
        record Done(int purchases) implements Qualified { }

        record Invalid(Map<String, String> errors) implements Qualified { }
    }

    /**
     * Staff's qualification of a holder outside the directory (also the demo's, for the large firms that hold some of its
     * contracts): saved even before any purchase names it, and frozen into the purchases imported later.
     */
    @Transactional
    public Qualified qualify(String identifier, HolderQualificationForm form, long accountId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.nom() == null ? "" : form.nom().strip();
        if (name.isEmpty()) {
            errors.put("nom", "Indiquez le nom de la structure.");
        }
        Optional<StructureKind> kind = Arrays.stream(StructureKind.values()).filter(value -> value.name().equals(form.type())).findFirst();
        if (kind.isEmpty()) {
            errors.put("type", "Choisissez le type de structure.");
        }
        Optional<CompanySize> size = Arrays.stream(CompanySize.values()).filter(value -> value.name().equals(form.taille())).findFirst();
        if (size.isEmpty()) {
            errors.put("taille", "Choisissez la taille de la structure.");
        }
        if (!errors.isEmpty()) {
            return new Qualified.Invalid(errors);
        }
        boolean ess = form.ess() != null || kind.get().family() != StructureKind.Family.COMPANY;
        return new Qualified.Done(purchases.qualify(new PurchaseRepository.Qualification(identifier, name, kind.get().name(),
            kind.get().family().name(), size.get().name(), ess, form.local() != null), accountId, clock.instant()));
    }

    /** Holders not in the directory: the staff's data-quality to-do (invite them, or qualify them). */
    record Unmatched(List<PurchaseRepository.UnmatchedHolder> holders, long total) { }

    @Transactional(readOnly = true)
    Unmatched unmatchedHolders(int page, int size) {
        return new Unmatched(purchases.unmatchedHolders(page * size, size), purchases.unmatchedHolderCount());
    }
}
