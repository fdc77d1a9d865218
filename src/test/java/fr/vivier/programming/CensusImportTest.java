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

        CensusImport.Report imported = census.importFile(file, TestLines.staff());
        assertEquals(2, imported.created());
        ProgrammingLine line = programming.find(idOf(2027, reserved)).orElseThrow();
        assertEquals(new BigDecimal("35000.50"), line.estimatedAmount());
        assertEquals(Vocabulary.Reservation.SIAE, line.reservation());
        assertEquals(LineStatus.PLANNED, line.status());

        CensusImport.Report again = census.importFile(file, TestLines.staff());
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
        CensusImport.Report report = census.importFile(out.toByteArray(), TestLines.staff());
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
}
