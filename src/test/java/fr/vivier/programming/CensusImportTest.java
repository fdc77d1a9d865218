package fr.vivier.programming;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusImportTest implements IntegrationTest {
    private static final String HEADER = "annee;reference;objet;montant_estime_ht;direction;secteurs;trimestre;lieux_execution;reserve";

    @Inject
    CensusImport census;
    @Inject
    ProgrammingService programming;
    @Inject
    PublicProgramming publicProgramming;

    private static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Long idOf(int year, String reference) {
        return programming.staffList(year, null, null, TestLines.staff(), 0, 10_000).lines().stream()
            .filter(line -> line.reference().equals(reference)).map(ProgrammingLine::id).findFirst().orElse(null);
    }

    @Test
    void thePreviewSavesNothingAndTheImportSavesGoodRowsReportsBadOnesAndIsIdempotent() {
        String good = TestLines.newReference();
        String reserved = TestLines.newReference();
        byte[] file = csv(
            "2027;" + good + ";Entretien des cimetières;120 000;Direction des espaces verts;espaces-verts-cimetieres;2;93010;",
            "2027;" + reserved + ";Nettoyage des vitres;35000,50;Direction des bâtiments;proprete-vitrerie;3;200057875;siae",
            "2027;BAD-1;Achat négatif;-5;Direction des sports;secteur-inconnu;9;99999;",
            "2027;" + good + ";Doublon;1000;Direction des espaces verts;espaces-verts-cimetieres;2;93010;");
        CensusImport.Report preview = census.preview(file);
        assertEquals(2, preview.created());
        assertEquals(2, preview.rejected());
        assertEquals(null, idOf(2027, good), "l’aperçu n’enregistre rien");
        CensusImport.RowReport bad = preview.rows().get(2);
        assertEquals(4, bad.line());
        assertTrue(bad.problems().contains("montant_estime_ht : Le montant ne peut pas être négatif."), bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("secteurs : ")), bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("lieux_execution : ")), bad.problems().toString());
        assertTrue(preview.rows().get(3).problems().get(0).contains("déjà plus haut dans le fichier"));

        CensusImport.Report imported = census.importFile(file, TestLines.staff(), CensusImport.Progress.NONE);
        assertEquals(2, imported.created());
        ProgrammingLine line = programming.find(idOf(2027, reserved)).orElseThrow();
        assertEquals(new BigDecimal("35000.50"), line.estimatedAmount());
        assertEquals(Vocabulary.Reservation.SIAE, line.reservation());
        assertEquals(LineStatus.PLANNED, line.status());

        CensusImport.Report again = census.importFile(file, TestLines.staff(), CensusImport.Progress.NONE);
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(2, again.unchanged());
        assertEquals(line.updatedAt(), programming.find(line.id()).orElseThrow().updatedAt(), "réimporter ne change rien");
    }

    @Test
    void anXlsxFileIsReadLikeACsv() throws IOException {
        String reference = TestLines.newReference();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Recensement");
            String[] header = HEADER.split(";");
            var first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(2028);
            row.createCell(1).setCellValue(reference);
            row.createCell(2).setCellValue("Portage de repas");
            row.createCell(3).setCellValue(48000.5);
            row.createCell(4).setCellValue("Direction de l’action sociale");
            row.createCell(5).setCellValue("restauration-portage-repas");
            row.createCell(6).setCellValue(1);
            row.createCell(7).setCellValue("93048");
            workbook.write(out);
        }
        CensusImport.Report report = census.importFile(out.toByteArray(), TestLines.staff(), CensusImport.Progress.NONE);
        assertEquals(1, report.created(), report.rows().toString());
        assertEquals(new BigDecimal("48000.50"), programming.find(idOf(2028, reference)).orElseThrow().estimatedAmount());
    }

    @Test
    void aFileThatIsNoSpreadsheetOrLacksColumnsIsRefusedAsAWhole() {
        assertNotNull(census.preview(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x10}).refusal());
        String refusal = census.preview("nom;prenom\nDupont;Jean\n".getBytes(StandardCharsets.UTF_8)).refusal();
        assertTrue(refusal.startsWith("Colonnes obligatoires absentes"), refusal);
        assertEquals(List.of(), census.preview(csv()).rows());
    }

    @Test
    void lotsAreRowsRepeatingTheLineReferenceAndABadLotRefusesItsLineWithTheReasonAtTheLotRow() {
        String withLots = TestLines.newReference();
        String badLot = TestLines.newReference();
        String header = HEADER + ";lot_objet;lot_secteur;lot_montant_ht";
        byte[] file = (header + "\n"
            + "2027;" + withLots + ";Entretien des parcs;90000;Direction des parcs;espaces-verts-entretien;2;93010;;Tonte;espaces-verts-entretien;50000\n"
            + "2027;" + withLots + ";;;;;;;;Élagage;espaces-verts-elagage;40 000\n"
            + "2027;" + badLot + ";Nettoyage;30000;Direction des bâtiments;proprete-vitrerie;3;93010;\n"
            + "2027;" + badLot + ";;;;;;;;Vitres;secteur-inconnu;-3\n"
            + "2027;" + badLot + ";;;;;;;;;;1000\n").getBytes(StandardCharsets.UTF_8);

        CensusImport.Report report = census.importFile(file, TestLines.staff(), CensusImport.Progress.NONE);
        assertEquals(1, report.created(), report.rows().toString());
        assertEquals(1, report.rejected(), report.rows().toString());
        ProgrammingLine line = programming.find(idOf(2027, withLots)).orElseThrow();
        assertEquals(List.of("Tonte", "Élagage"), line.lots().stream().map(ProgrammingLine.Lot::object).toList());
        assertEquals(List.of("espaces-verts-elagage"), line.lots().get(1).sectors());
        assertEquals(new BigDecimal("40000.00"), line.lots().get(1).estimatedAmount());
        assertEquals(null, idOf(2027, badLot), "une ligne dont un lot est faux n’est pas enregistrée");

        CensusImport.RowReport lotRow = report.rows().get(3);
        assertEquals(5, lotRow.line());
        assertEquals(badLot + " — lot 1", lotRow.what());
        assertEquals(List.of("lot_secteur : Choisissez le secteur dans la liste.", "lot_montant_ht : Le montant ne peut pas être négatif."),
            lotRow.problems());
        assertEquals(List.of("lot_objet : Indiquez l’objet du lot."), report.rows().get(4).problems());
        assertTrue(report.rows().get(2).problems().get(0).startsWith("lots : un lot est refusé"), report.rows().get(2).problems().toString());

        CensusImport.Report again = census.importFile(file, TestLines.staff(), CensusImport.Progress.NONE);
        assertEquals(1, again.unchanged(), again.rows().toString());
        assertEquals(line.updatedAt(), programming.find(line.id()).orElseThrow().updatedAt(), "réimporter les lots ne change rien");

        byte[] withoutLots = csv("2027;" + withLots + ";Entretien des parcs;90000;Direction des parcs;espaces-verts-entretien;2;93010;");
        assertEquals(1, census.importFile(withoutLots, TestLines.staff(), CensusImport.Progress.NONE).unchanged(),
            "une ligne sans lignes de lot garde ses lots");
    }

    @Test
    void anUnknownCpvCodeIsRefusedAtItsColumnAndLine() {
        byte[] file = ("annee;reference;objet;montant_estime_ht;direction;secteurs;trimestre;lieux_execution;codes_cpv\n"
            + "2027;" + TestLines.newReference() + ";Vitres;1000;Direction des bâtiments;proprete-vitrerie;1;93010;90911300 99999999\n")
            .getBytes(StandardCharsets.UTF_8);
        CensusImport.RowReport row = census.preview(file).rows().get(0);
        assertEquals(CensusImport.Outcome.REJECTED, row.outcome());
        assertEquals(2, row.line());
        assertTrue(row.problems().get(0).startsWith("codes_cpv : Code CPV inconnu : « 99999999 »"), row.problems().toString());
    }

    @Test
    void theImportTellsItsProgressBatchByBatchUntilEveryRowIsDone() {
        String prefix = TestLines.newReference();
        String[] rows = new String[250];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "2027;" + prefix + "-" + i + ";Fournitures " + i + ";1000;Direction des sports;proprete-vitrerie;1;93010;";
        }
        List<Integer> totals = new java.util.ArrayList<>();
        List<Integer> batches = new java.util.ArrayList<>();
        census.importFile(csv(rows), TestLines.staff(), new CensusImport.Progress() {
            public void started(int total) {
                totals.add(total);
            }

            public void decided(List<CensusImport.RowReport> decided) {
                batches.add(decided.size());
            }
        });
        assertEquals(List.of(250), totals);
        assertEquals(List.of(100, 100, 50), batches);
    }
}
