package fr.vivier.directory.imports;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The preview or the result of importing one file: the whole file refused ({@code refusal}), or one
 * {@link SupplierImportLine} per supplier line, in file order.
 */
public record SupplierImportReport(String fileName, String fingerprint, @Nullable String refusal, List<SupplierImportLine> lines) {
    public static final int PREVIEW_ROWS = 20;

    static SupplierImportReport refused(String fileName, String fingerprint, String refusal) {
        return new SupplierImportReport(fileName, fingerprint, refusal, List.of());
    }

    public boolean isRefused() {
        return refusal != null;
    }

    public long toImportCount() {
        return count(SupplierImportLine.Outcome.TO_IMPORT);
    }

    public long invalidCount() {
        return count(SupplierImportLine.Outcome.INVALID);
    }

    public long importedCount() {
        return count(SupplierImportLine.Outcome.IMPORTED);
    }

    public long ignoredCount() {
        return lines.stream().filter(SupplierImportLine::ignored).count();
    }

    public List<SupplierImportError> errors() {
        return lines.stream().flatMap(line -> line.errors().stream()).toList();
    }

    public List<SupplierImportLine> ignored() {
        return lines.stream().filter(SupplierImportLine::ignored).toList();
    }

    /** The first lines the confirmation will import, to check that the columns were read as intended. */
    public List<SupplierImportLine> firstToImport() {
        return lines.stream().filter(line -> line.outcome() == SupplierImportLine.Outcome.TO_IMPORT).limit(PREVIEW_ROWS).toList();
    }

    private long count(SupplierImportLine.Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).count();
    }
}
