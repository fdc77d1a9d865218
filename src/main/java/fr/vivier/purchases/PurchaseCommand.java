package fr.vivier.purchases;

import io.micronaut.context.ApplicationContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code ./vivier import decp FILE} and {@code ./vivier import purchases FILE}: the staff import from the command line
 * (an authority loading several years at once), the report printed as it goes, a progress line, and a non-zero exit
 * when a record was refused or the file could not be read to its end.
 */
public final class PurchaseCommand {
    private PurchaseCommand() {
    }

    /** Runs the import; returns the process exit code (0 all imported, 1 something refused, 2 wrong use). */
    public static int run(ApplicationContext context, String kind, String file, PrintStream out) {
        PurchaseService.FileKind fileKind = switch (kind) {
            case "decp" -> PurchaseService.FileKind.DECP;
            case "purchases", "achats" -> PurchaseService.FileKind.SPREADSHEET;
            default -> null;
        };
        Path path = Path.of(file);
        if (fileKind == null || !Files.isRegularFile(path)) {
            out.println(fileKind == null ? "Usage : ./vivier import decp FICHIER.json | ./vivier import purchases FICHIER.csv|.xlsx"
                : "Fichier introuvable : " + file);
            return 2;
        }
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream input = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            report = context.getBean(PurchaseService.class).importFile(fileKind, input, true, null, new PurchaseImport.Progress() {
                @Override
                public void record(ImportReport.Line line) {
                    if (!line.problems().isEmpty()) {
                        out.println(line.recordId() + " — " + line.outcome().label() + " : " + line.problems().stream()
                            .map(problem -> problem.field() + " : " + problem.reason()).collect(Collectors.joining(" | ")));
                    }
                }

                @Override
                public void done(long records) {
                    out.printf("… %d enregistrements traités (%.1f s)%n", records, (System.nanoTime() - started) / 1e9);
                }
            });
        } catch (IOException e) {
            out.println("Lecture impossible de " + file + " : " + e.getMessage());
            return 2;
        }
        if (report.fileRefusal() != null) {
            out.println("Fichier : " + report.fileRefusal());
        }
        out.println(report.summary());
        return report.count(ImportReport.Outcome.REFUSED) > 0 || report.fileRefusal() != null ? 1 : 0;
    }
}
