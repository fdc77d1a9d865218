package fr.vivier.purchases;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did or would do: a count per outcome, the records with something to say (refused, or imported with
 * remarks) with their field and reason, and a reason when the file itself could not be read (to its end).
 */
public final class ImportReport {
    /** Lines kept for the page; the command line prints every one as it comes. */
    static final int MAX_LINES = 2_000;

    public enum Outcome {
        CREATED("Importé"), UPDATED("Mis à jour"), UNCHANGED("Inchangé"), REFUSED("Refusé");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One record: its id in the file (acheteur / marché, or spreadsheet line), what happened, and why. */
    public record Line(String recordId, Outcome outcome, List<RecordProblems.Problem> problems) { }

    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final List<Line> lines = new ArrayList<>();
    private long linesLeftOut;
    private @Nullable String fileRefusal;

    void add(Line line) {
        counts.merge(line.outcome(), 1L, Long::sum);
        if (line.problems().isEmpty()) {
            return;
        }
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else {
            linesLeftOut++;
        }
    }

    void refuseFile(String reason) {
        fileRefusal = reason;
    }

    public long count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<Line> lines() {
        return lines;
    }

    public long linesLeftOut() {
        return linesLeftOut;
    }

    public @Nullable String fileRefusal() {
        return fileRefusal;
    }

    /** Nothing read at all: the file was refused before its first record. */
    public boolean refusedWhole() {
        return fileRefusal != null && total() == 0;
    }

    /** « 12 importés, 3 mis à jour, 0 inchangés, 2 refusés » */
    public String summary() {
        return count(Outcome.CREATED) + " importés, " + count(Outcome.UPDATED) + " mis à jour, " + count(Outcome.UNCHANGED)
            + " inchangés, " + count(Outcome.REFUSED) + " refusés";
    }
}
