package fr.vivier.directory.imports;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierView;
import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.vivier.directory.imports.SupplierCsvTest.fixture;
import static fr.vivier.directory.imports.SupplierCsvTest.freshValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierImportServiceTest implements IntegrationTest {
    @Inject
    SupplierImportService imports;
    @Inject
    DirectoryService directory;
    @Inject
    TransactionOperations<Connection> transactions;

    private static boolean hasError(SupplierImportReport report, long line, String column, String reasonPart) {
        return report.errors().stream().anyMatch(e -> e.line() == line && column.equals(e.column()) && e.reason().contains(reasonPart));
    }

    private static SupplierImportLine.Outcome outcomeOf(SupplierImportReport report, long line) {
        return report.lines().stream().filter(l -> l.line() == line).findFirst().orElseThrow().outcome();
    }

    @Test
    void previewReportsEachBadLineWithItsLineColumnAndReasonAndSavesNothing() {
        Map<String, String> values = freshValues();
        SupplierImportReport report = imports.preview("fournisseurs.csv", fixture("fournisseurs-melange.csv", values));

        assertFalse(report.isRefused());
        assertEquals(2, report.toImportCount());
        assertEquals(7, report.invalidCount());
        assertEquals(0, report.ignoredCount());
        assertEquals(SupplierImportLine.Outcome.TO_IMPORT, outcomeOf(report, 2));
        assertEquals(SupplierImportLine.Outcome.TO_IMPORT, outcomeOf(report, 9));
        assertTrue(hasError(report, 3, "siret", "n’est pas valide : sa clé de contrôle"), report.errors().toString());
        assertTrue(hasError(report, 4, "secteurs", "Secteur inconnu : « secteur-qui-n-existe-pas »"), report.errors().toString());
        assertTrue(hasError(report, 5, "raison_sociale", "Saisissez la raison sociale"), report.errors().toString());
        assertTrue(hasError(report, 6, "contact_email", "Adresse électronique invalide"), report.errors().toString());
        assertTrue(hasError(report, 7, "raison_sociale", "caractères non autorisés"), report.errors().toString());
        assertTrue(hasError(report, 8, "siret", "14 chiffres (vous en avez saisi 13)"), report.errors().toString());
        assertTrue(hasError(report, 11, "siret", "déjà à la ligne 2 du fichier"), report.errors().toString());
        for (String key : List.of("A", "B", "C", "D", "E", "F")) {
            assertTrue(directory.findBySiret(values.get(key)).isEmpty(), "the preview saves nothing");
        }
    }

    @Test
    void importRegistersExactlyTheGoodLinesAsPendingWithTheirConsentsAndHtmlAsTyped() {
        Map<String, String> values = freshValues();
        SupplierImportReport report = imports.importFile("fournisseurs.csv", fixture("fournisseurs-melange.csv", values), "Agent Test");

        assertEquals(2, report.importedCount());
        assertEquals(7, report.invalidCount());
        assertEquals(SupplierImportLine.Outcome.IMPORTED, outcomeOf(report, 2));
        assertEquals(SupplierImportLine.Outcome.IMPORTED, outcomeOf(report, 9));
        Supplier jardins = directory.findBySiret(values.get("A")).orElseThrow();
        assertEquals("Les Jardins <b>Solidaires</b> & Cie", jardins.name());
        assertEquals(SupplierStatus.PENDING, jardins.status());
        assertTrue(jardins.description().startsWith("<script>alert('x')</script>"));
        assertEquals(Set.of(ConsentKind.PUBLISH_CONTACT), directory.activeConsents(jardins.id()));
        assertEquals("import CSV (Agent Test)", directory.history(jardins.id()).get(0).actor());
        SupplierView view = directory.view(jardins);
        assertEquals(List.of("espaces-verts-entretien", "proprete-locaux"), view.sectors());
        Supplier canal = directory.findBySiret(values.get("B")).orElseThrow();
        assertEquals(Set.of(), directory.activeConsents(canal.id()), "an import never invents a consent");
        for (String key : List.of("C", "D", "E", "F")) {
            assertTrue(directory.findBySiret(values.get(key)).isEmpty(), "bad lines are not imported");
        }
        assertEquals(1, mailsQueuedFor("a-" + values.get("RUN") + "@test.vivier.example"));
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        Map<String, String> values = freshValues();
        byte[] file = fixture("fournisseurs-melange.csv", values);
        imports.importFile("fournisseurs.csv", file, "Agent Test");
        Supplier before = directory.findBySiret(values.get("A")).orElseThrow();

        SupplierImportReport preview = imports.preview("fournisseurs.csv", file);
        assertEquals(0, preview.toImportCount());
        assertEquals(2, preview.ignoredCount());
        SupplierImportReport again = imports.importFile("fournisseurs.csv", file, "Agent Test");
        assertEquals(0, again.importedCount());
        assertEquals(2, again.ignoredCount());
        assertEquals(7, again.invalidCount());
        assertEquals(SupplierImportLine.Outcome.ALREADY_PRESENT, outcomeOf(again, 2));
        assertEquals("déjà présente, ignorée", again.lines().get(0).outcome().label());
        assertEquals(before, directory.findBySiret(values.get("A")).orElseThrow());
        assertEquals(1, directory.history(before.id()).size());
        assertEquals(1, mailsQueuedFor("a-" + values.get("RUN") + "@test.vivier.example"), "no mail to structures already present");
    }

    @Test
    void aStructureErasedAtItsRequestIsNotBroughtBack() {
        Map<String, String> values = freshValues();
        byte[] file = fixture("fournisseurs-virgule-bom.csv", values);
        assertEquals(1, imports.importFile("virgule.csv", file, "Agent Test").importedCount());
        directory.erase(directory.findBySiret(values.get("A")).orElseThrow().id(), DirectoryService.ACTOR_SUPPLIER);

        SupplierImportReport again = imports.importFile("virgule.csv", file, "Agent Test");
        assertEquals(SupplierImportLine.Outcome.ERASED, outcomeOf(again, 2));
        assertEquals(SupplierStatus.ERASED, directory.findBySiret(values.get("A")).orElseThrow().status());
    }

    @Test
    void aCommaSeparatedFileWithABomIsImported() {
        Map<String, String> values = freshValues();
        SupplierImportReport report = imports.importFile("virgule.csv", fixture("fournisseurs-virgule-bom.csv", values), "Agent Test");
        assertEquals(1, report.importedCount(), report.errors().toString());
        Supplier supplier = directory.findBySiret(values.get("A")).orElseThrow();
        assertEquals("Atelier Virgule, Bom et Fils", supplier.name());
        assertEquals(Set.of(ConsentKind.RECONTACT), directory.activeConsents(supplier.id()));
    }

    @Test
    void aFileWithAWrongHeaderIsRefusedWhole() {
        Map<String, String> values = freshValues();
        SupplierImportReport report = imports.importFile("entete.csv", fixture("fournisseurs-mauvais-entete.csv", values), "Agent Test");
        assertTrue(report.isRefused());
        assertNotNull(report.refusal());
        assertTrue(report.lines().isEmpty());
        assertTrue(directory.findBySiret(values.get("A")).isEmpty());
    }

    @Test
    void theModelFileOffersOnlyValidLines() throws Exception {
        try (var in = getClass().getResourceAsStream("/static/modeles/fournisseurs.csv")) {
            SupplierImportReport report = imports.preview("fournisseurs.csv", in.readAllBytes());
            assertEquals(0, report.invalidCount(), report.errors().toString());
            assertEquals(2, report.lines().size());
        }
    }

    private long mailsQueuedFor(String recipient) {
        return transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement("SELECT count(*) FROM mail_outbox WHERE recipient = ?")) {
                count.setString(1, recipient);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
