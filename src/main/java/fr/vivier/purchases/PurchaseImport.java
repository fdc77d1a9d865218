package fr.vivier.purchases;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs an import over the records a file reader hands out one at a time (the file is never held whole): each record is
 * checked by its reader, then written a batch at a time by {@link PurchaseWriter}. A preview runs the same way and saves
 * nothing. A file that stops being readable half-way keeps the records read before, each whole, and says where it stopped.
 */
@Singleton
public class PurchaseImport {
    static final int BATCH = 500;

    private final PurchaseWriter writer;

    PurchaseImport(PurchaseWriter writer) {
        this.writer = writer;
    }

    /** A record as a reader hands it out: its id in the file, its input when readable, and what is wrong with it. */
    record ReadRecord(String recordId, @Nullable PurchaseInput input, RecordProblems problems) { }

    /** The file cannot be read (further): the French reason. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Called for each record once decided, and every {@link #BATCH} records with the number done so far. */
    public interface Progress {
        void record(ImportReport.Line line);

        void done(long records);

        Progress NONE = new Progress() {
            public void record(ImportReport.Line line) { }

            public void done(long records) { }
        };
    }

    ImportReport run(Iterator<ReadRecord> records, boolean save, @Nullable Long accountId, Progress progress) {
        ImportReport report = new ImportReport();
        Set<String> keys = new HashSet<>();
        List<ReadRecord> batch = new ArrayList<>(BATCH);
        try {
            while (records.hasNext()) {
                ReadRecord record = records.next();
                if (record.input() != null && !record.problems().refused() && !keys.add(record.input().key())) {
                    record.problems().refuse("id", "Ce marché (même acheteur, même identifiant) figure déjà plus haut dans le fichier.");
                }
                batch.add(record);
                if (batch.size() == BATCH) {
                    flush(batch, save, accountId, report, progress);
                }
            }
        } catch (Unreadable unreadable) {
            report.refuseFile(unreadable.getMessage());
        }
        flush(batch, save, accountId, report, progress);
        return report;
    }

    private void flush(List<ReadRecord> batch, boolean save, @Nullable Long accountId, ImportReport report, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        List<ReadRecord> accepted = batch.stream().filter(record -> record.input() != null && !record.problems().refused()).toList();
        List<PurchaseWriter.Written> written = writer.write(accepted.stream().map(ReadRecord::input).toList(), save, accountId);
        int next = 0;
        for (ReadRecord record : batch) {
            ImportReport.Outcome outcome = record.input() != null && !record.problems().refused()
                ? written.get(next++).outcome() : ImportReport.Outcome.REFUSED;
            ImportReport.Line line = new ImportReport.Line(record.recordId(), outcome, record.problems().all());
            report.add(line);
            progress.record(line);
        }
        batch.clear();
        progress.done(report.total());
    }
}
