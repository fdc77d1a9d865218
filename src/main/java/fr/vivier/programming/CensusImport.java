package fr.vivier.programming;

import fr.vivier.web.ServerKeys;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The yearly census import: a preview says what would happen, the import saves the good lines by year and reference and
 * lists the bad rows with their line, column and reason. Both go through the file a batch of lines at a time
 * ({@link CensusBatch}, one transaction each), telling a {@link Progress} how many rows are done.
 */
@Singleton
class CensusImport {
    static final int BATCH_ROWS = 100;
    private static final String KEY = "programming-census";

    private final CensusBatch batch;
    private final ServerKeys keys;

    CensusImport(CensusBatch batch, ServerKeys keys) {
        this.batch = batch;
        this.keys = keys;
    }

    enum Outcome {
        CREATED("Créée"), UPDATED("Mise à jour"), UNCHANGED("Déjà à jour, inchangée"), REJECTED("Refusée");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What became of one row of the file: a lot row names its lot's number; {@code head} marks the row that gives the
     * programming line (the one counted in the summary).
     */
    record RowReport(int line, String reference, @Nullable Integer lot, boolean head, Outcome outcome, List<String> problems) {
        public String what() {
            return lot == null ? reference : reference + " — lot " + lot;
        }
    }

    /** The rows' reports; the counts are of programming lines (a line's lot rows share its outcome). */
    record Report(List<RowReport> rows, @Nullable String refusal) {
        long count(Outcome outcome) {
            return rows.stream().filter(row -> row.outcome() == outcome && row.head()).count();
        }

        public long created() { return count(Outcome.CREATED); }
        public long updated() { return count(Outcome.UPDATED); }
        public long unchanged() { return count(Outcome.UNCHANGED); }
        public long rejected() { return count(Outcome.REJECTED); }
    }

    /** Told when the file is read (its number of rows) and after each batch (the batch's reports). */
    interface Progress {
        void started(int rows);

        void decided(List<RowReport> rows);

        Progress NONE = new Progress() {
            public void started(int rows) { }

            public void decided(List<RowReport> rows) { }
        };
    }

    public Report preview(byte[] content) {
        return run(content, null, Progress.NONE);
    }

    public Report importFile(byte[] content, Editor editor, Progress progress) {
        return run(content, editor, progress);
    }

    /** With no editor, a dry run: nothing is saved. */
    private Report run(byte[] content, @Nullable Editor editor, Progress progress) {
        CensusFile.Read read = CensusFile.read(content);
        if (read.refusal().isPresent()) {
            return new Report(List.of(), read.refusal().get());
        }
        progress.started(read.rows().size());
        List<RowReport> reports = new ArrayList<>();
        List<CensusFile.Entry> pending = new ArrayList<>();
        int pendingRows = 0;
        for (CensusFile.Entry entry : CensusFile.entries(read.rows())) {
            pending.add(entry);
            pendingRows += entry.rows();
            if (pendingRows >= BATCH_ROWS) {
                reports.addAll(decide(pending, editor, progress));
                pending.clear();
                pendingRows = 0;
            }
        }
        reports.addAll(decide(pending, editor, progress));
        reports.sort(Comparator.comparingInt(RowReport::line));
        return new Report(reports, null);
    }

    private List<RowReport> decide(List<CensusFile.Entry> entries, @Nullable Editor editor, Progress progress) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<RowReport> decided = batch.decide(entries, editor);
        progress.decided(decided);
        return decided;
    }

    /** The previewed file travels in the confirmation form, gzipped, base64url, signed with a server key. */
    String pack(byte[] content) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(packed.toByteArray());
    }

    String signature(String packed) {
        return keys.sign(KEY, packed.getBytes(StandardCharsets.US_ASCII));
    }

    /** The file of a confirmation form, when its signature is ours; never read beyond the size limit. */
    Optional<byte[]> unpack(@Nullable String packed, @Nullable String signature) {
        if (packed == null || signature == null || signature.length() > 128
            || !keys.verify(KEY, packed.getBytes(StandardCharsets.US_ASCII), signature)) {
            return Optional.empty();
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(packed.strip())))) {
            byte[] content = gzip.readNBytes(CensusFile.MAX_BYTES + 1);
            return content.length > CensusFile.MAX_BYTES ? Optional.empty() : Optional.of(content);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
