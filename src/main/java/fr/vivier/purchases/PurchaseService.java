package fr.vivier.purchases;

import fr.vivier.purchases.PurchaseVocabulary.Source;
import fr.vivier.sourcing.JournalService;
import fr.vivier.sourcing.SourcingJournal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    PurchaseService(PurchaseImport imports, DecpRecordReader decp, PurchaseFields fields, PurchaseWriter writer, PurchaseRepository purchases,
                    SourcingJournal journal) {
        this.journal = journal;
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
        return imports.run(records, save, accountId, progress);
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
        Source source = shortlistId == null ? Source.MANUAL : Source.SHORTLIST;
        List<Long> contactIds = form.contactIds();
        boolean generated = typed.getOrDefault(Column.REFERENCE, "").isBlank();
        if (generated) {
            typed.put(Column.REFERENCE, "SAISIE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
        }
        PurchaseImport.ReadRecord record = fields.read("saisie", typed, source, true);
        Map<String, String> errors = new LinkedHashMap<>();
        record.problems().all().stream().filter(RecordProblems.Problem::refusal)
            .forEach(problem -> errors.putIfAbsent(formName(problem.field()), problem.reason()));
        if (errors.isEmpty() && !generated && purchases.referenceTaken("", record.input().reference)) {
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

    /** Holders not in the directory: the staff's data-quality to-do (invite them, or qualify them). */
    record Unmatched(List<PurchaseRepository.UnmatchedHolder> holders, long total) { }

    @Transactional(readOnly = true)
    Unmatched unmatchedHolders(int page, int size) {
        return new Unmatched(purchases.unmatchedHolders(page * size, size), purchases.unmatchedHolderCount());
    }
}
