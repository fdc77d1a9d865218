package fr.vivier.directory.imports;

import fr.vivier.directory.SupplierInput;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/** What happens (preview) or happened (import) to one line of an imported file. */
public record SupplierImportLine(long line, Outcome outcome, SupplierInput input, List<SupplierImportError> errors,
                                 @Nullable Long supplierId) {

    public enum Outcome {
        TO_IMPORT("à importer"),
        INVALID("en erreur, non importée"),
        ALREADY_PRESENT("déjà présente, ignorée"),
        ERASED("déjà présente (données effacées à la demande de la structure), ignorée"),
        IMPORTED("importée");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static SupplierImportLine toImport(SupplierCsv.Row row) {
        return new SupplierImportLine(row.line(), Outcome.TO_IMPORT, row.input(), List.of(), null);
    }

    static SupplierImportLine invalid(SupplierCsv.Row row, List<SupplierImportError> errors) {
        return new SupplierImportLine(row.line(), Outcome.INVALID, row.input(), List.copyOf(errors), null);
    }

    SupplierImportLine with(Outcome newOutcome, @Nullable Long id) {
        return new SupplierImportLine(line, newOutcome, input, errors, id);
    }

    SupplierImportLine failed(List<SupplierImportError> reasons) {
        return new SupplierImportLine(line, Outcome.INVALID, input, List.copyOf(reasons), null);
    }

    public boolean ignored() {
        return outcome == Outcome.ALREADY_PRESENT || outcome == Outcome.ERASED;
    }

    /** The reasons in one sentence, for the line-by-line report. */
    public String detail() {
        return errors.stream().map(e -> (e.column() == null ? "" : e.column() + " : ") + e.reason()).collect(Collectors.joining(" "));
    }
}
