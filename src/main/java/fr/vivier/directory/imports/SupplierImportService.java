package fr.vivier.directory.imports;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.ImportJournalEntry;
import fr.vivier.directory.Siret;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierImportJournalRepository;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierValidator;
import fr.vivier.web.ServerKeys;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff import of a supplier list a city already has. The preview and the import run the same analysis (CSV
 * layer, then the {@link SupplierValidator} every channel shares, then duplicates); the import then registers each
 * good line through {@link DirectoryService#register}, one transaction per line, so that a line is either fully
 * imported or not at all. A SIRET already registered is never touched (nor mailed), so importing the same file
 * twice changes nothing.
 */
@Singleton
public class SupplierImportService {
    private static final Logger LOG = LoggerFactory.getLogger(SupplierImportService.class);
    static final String TECHNICAL_FAILURE = "Erreur technique : la ligne n’a pas été importée. Importez à nouveau le même fichier : "
        + "les lignes déjà importées seront ignorées.";

    /** The preview page carries the file back to the confirmation: signed, so that only what was previewed is imported. */
    private static final String PREVIEW_KEY = "import-preview";

    private final SupplierValidator validator;
    private final DirectoryService directory;
    private final ServerKeys keys;
    private final SupplierImportJournalRepository journal;
    private final Clock clock;

    SupplierImportService(SupplierValidator validator, DirectoryService directory, ServerKeys keys, SupplierImportJournalRepository journal,
                          Clock clock) {
        this.validator = validator;
        this.directory = directory;
        this.keys = keys;
        this.journal = journal;
        this.clock = clock;
    }

    /** The file a confirmation form carries, if it is exactly the one this portal previewed. */
    Optional<byte[]> previewedContent(SupplierImportConfirmation confirmation) {
        return confirmation.content().filter(content -> keys.verify(PREVIEW_KEY, content, confirmation.empreinte()));
    }

    /** What importing the file would do; saves nothing. */
    public SupplierImportReport preview(String fileName, byte[] content) {
        SupplierCsv.Result parsed = SupplierCsv.parse(content);
        if (parsed instanceof SupplierCsv.Result.Refused refused) {
            return SupplierImportReport.refused(fileName, fingerprint(content), refused.reason());
        }
        Map<String, Long> firstLineOfSiret = new HashMap<>();
        List<SupplierImportLine> lines = new ArrayList<>();
        for (SupplierCsv.Row row : ((SupplierCsv.Result.Parsed) parsed).rows()) {
            lines.add(analyse(row, firstLineOfSiret));
        }
        return new SupplierImportReport(fileName, fingerprint(content), null, lines);
    }

    /**
     * Analyses the file again (the directory may have changed since the preview) and registers its good lines.
     * Not transactional on purpose: each registration commits on its own.
     */
    public SupplierImportReport importFile(String fileName, byte[] content, String staffName) {
        SupplierImportReport preview = preview(fileName, content);
        if (preview.isRefused()) {
            return preview;
        }
        String actor = "import CSV (" + staffName + ")";
        List<SupplierImportLine> lines = preview.lines().stream()
            .map(line -> line.outcome() == SupplierImportLine.Outcome.TO_IMPORT ? register(line, actor) : line).toList();
        SupplierImportReport report = new SupplierImportReport(fileName, preview.fingerprint(), null, lines);
        journal.record(new ImportJournalEntry(clock.instant(), staffName, fileName, (int) report.importedCount(),
            (int) report.invalidCount(), (int) report.ignoredCount()));
        LOG.info("CSV import {}: {} imported, {} invalid, {} already present", preview.fingerprint().substring(0, 12),
            report.importedCount(), report.invalidCount(), report.ignoredCount());
        return report;
    }

    private SupplierImportLine analyse(SupplierCsv.Row row, Map<String, Long> firstLineOfSiret) {
        Optional<Siret> siret = Siret.parse(row.input().siret());
        if (siret.isPresent()) {
            Long first = firstLineOfSiret.putIfAbsent(siret.get().value(), row.line());
            if (first != null) {
                return SupplierImportLine.invalid(row, List.of(new SupplierImportError(row.line(), SupplierCsv.Column.SIRET.header(),
                    "Ce SIRET figure déjà à la ligne " + first + " du fichier : seule la première ligne est prise en compte.")));
            }
            Optional<Supplier> existing = directory.findBySiret(siret.get().value());
            if (existing.isPresent()) {
                SupplierImportLine.Outcome outcome = existing.get().status() == SupplierStatus.ERASED
                    ? SupplierImportLine.Outcome.ERASED : SupplierImportLine.Outcome.ALREADY_PRESENT;
                return SupplierImportLine.toImport(row).with(outcome, existing.get().id());
            }
        }
        List<SupplierImportError> errors = new ArrayList<>(row.errors());
        if (validator.validate(row.input()) instanceof SupplierValidator.Result.Invalid invalid) {
            errors.addAll(errorsOf(row.line(), invalid.errors()));
        }
        return errors.isEmpty() ? SupplierImportLine.toImport(row) : SupplierImportLine.invalid(row, errors);
    }

    private SupplierImportLine register(SupplierImportLine line, String actor) {
        try {
            DirectoryService.RegistrationResult result = directory.registerImported(line.input(), actor);
            if (result instanceof DirectoryService.RegistrationResult.Registered registered) {
                return line.with(SupplierImportLine.Outcome.IMPORTED, registered.supplier().id());
            }
            if (result instanceof DirectoryService.RegistrationResult.Invalid invalid) {
                return line.failed(errorsOf(line.line(), invalid.errors()));
            }
            return line.with(SupplierImportLine.Outcome.ALREADY_PRESENT, null);
        } catch (RuntimeException e) {
            LOG.error("CSV import: line {} not imported", line.line(), e);
            return line.failed(List.of(new SupplierImportError(line.line(), null, TECHNICAL_FAILURE)));
        }
    }

    private static List<SupplierImportError> errorsOf(long line, Map<String, String> validatorErrors) {
        return validatorErrors.entrySet().stream()
            .map(error -> new SupplierImportError(line, SupplierCsv.columnFor(error.getKey()), error.getValue())).toList();
    }

    private String fingerprint(byte[] content) {
        return keys.sign(PREVIEW_KEY, content);
    }
}
