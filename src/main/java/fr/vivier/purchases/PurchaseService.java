package fr.vivier.purchases;

import fr.vivier.purchases.PurchaseVocabulary.Source;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The purchase records' use cases: imports (page and command line), entry by a person, lists. */
@Singleton
public class PurchaseService {
    private final PurchaseImport imports;
    private final DecpRecordReader decp;
    private final PurchaseFields fields;
    private final PurchaseWriter writer;
    private final PurchaseRepository purchases;

    PurchaseService(PurchaseImport imports, DecpRecordReader decp, PurchaseFields fields, PurchaseWriter writer, PurchaseRepository purchases) {
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

    /** A purchase typed in the entry form; a blank reference gets one generated (« SAISIE-… »). */
    Entry enter(Map<Column, String> cells, Source source, @Nullable Long shortlistId, long accountId) {
        Map<Column, String> typed = new LinkedHashMap<>(cells);
        typed.put(Column.ACHETEUR, "");
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
        if (!errors.isEmpty()) {
            return new Entry.Invalid(errors);
        }
        record.input().shortlistId = shortlistId;
        Long id = writer.write(List.of(record.input()), true, accountId).get(0).id();
        return new Entry.Saved(id);
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
