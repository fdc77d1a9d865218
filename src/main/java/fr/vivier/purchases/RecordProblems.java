package fr.vivier.purchases;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong or noteworthy with one record, field by field: a refusal keeps the whole record out; a remark is
 * reported beside an imported record (a value read in a tolerated way, a holder that cannot be matched).
 */
final class RecordProblems {
    /** One line of a report: the field (DECP path, spreadsheet column or form field) and the French reason. */
    record Problem(String field, String reason, boolean refusal) { }

    private final List<Problem> problems = new ArrayList<>();

    void refuse(String field, String reason) {
        problems.add(new Problem(field, reason, true));
    }

    void note(String field, String reason) {
        problems.add(new Problem(field, reason, false));
    }

    boolean refused() {
        return problems.stream().anyMatch(Problem::refusal);
    }

    /** A refusal at this field or inside it (« titulaires[2].id » is inside « titulaires »). */
    boolean refused(String field) {
        return problems.stream().anyMatch(problem -> problem.refusal() && problem.field().startsWith(field));
    }

    List<Problem> all() {
        return List.copyOf(problems);
    }
}
