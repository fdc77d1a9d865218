package fr.vivier.directory.imports;

import fr.vivier.directory.SupplierInput;
import fr.vivier.testsupport.Sirets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV layer alone, without Micronaut: reading, mapping to the shared input, refusing a whole file. */
class SupplierCsvTest {
    static final String HEADER = SupplierCsv.header(';');

    /** A test file with fresh SIRETs ({{A}} to {{F}}), a unique run id ({{RUN}}, in emails) and a NUL character ({{NUL}}). */
    static byte[] fixture(String name, Map<String, String> values) {
        try (InputStream in = SupplierCsvTest.class.getResourceAsStream("/import/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> freshValues() {
        Map<String, String> values = new HashMap<>();
        for (String key : List.of("A", "B", "C", "D", "E", "F")) {
            values.put(key, Sirets.next());
        }
        values.put("RUN", UUID.randomUUID().toString().substring(0, 8));
        values.put("NUL", "\u0000");
        return values;
    }

    private static SupplierCsv.Result.Parsed parsed(String csv) {
        return parsed(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static SupplierCsv.Result.Parsed parsed(byte[] csv) {
        return assertInstanceOf(SupplierCsv.Result.Parsed.class, SupplierCsv.parse(csv));
    }

    private static String refusal(String csv) {
        return refusal(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(byte[] csv) {
        return assertInstanceOf(SupplierCsv.Result.Refused.class, SupplierCsv.parse(csv)).reason();
    }

    private static String row(String siret, String name) {
        return siret + ";" + name + ";;SARL;TPE;ENTREPRISE;93010;;proprete-locaux;;;;;Alex Test;;alex@test.vivier.example;;;;";
    }

    @Test
    void eachRowKnowsTheFileLineItStartsOnEvenAfterAMultiLineCell() {
        Map<String, String> values = freshValues();
        List<SupplierCsv.Row> rows = parsed(fixture("fournisseurs-melange.csv", values)).rows();
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L), rows.stream().map(SupplierCsv.Row::line).toList());
        assertEquals("Nettoyage de bureaux;\nsur deux lignes", rows.get(7).input().description());
    }

    @Test
    void cellsBecomeTheInputSharedWithTheFormAndTheApi() {
        Map<String, String> values = freshValues();
        SupplierInput input = parsed(fixture("fournisseurs-melange.csv", values)).rows().get(0).input();
        assertEquals(values.get("A"), input.siret());
        assertEquals("Les Jardins <b>Solidaires</b> & Cie", input.name(), "HTML is kept as typed");
        assertEquals("ACI", input.kind());
        assertEquals(List.of(new SupplierInput.AreaInput("COMMUNE", "93010"), new SupplierInput.AreaInput("EPCI", "200057875")),
            input.interventionArea());
        assertEquals(List.of("espaces-verts-entretien", "proprete-locaux"), input.sectors());
        assertEquals(List.of("rge", "qualiopi"), input.labels().stream().map(SupplierInput.LabelInput::code).toList());
        assertEquals(List.of("Tonte", "Taille de haies"), input.offers());
        assertEquals("Camille Martin", input.contact().name());
        assertEquals(new SupplierInput.ConsentsInput(true, false, false), input.consents());
        assertEquals(List.of(), parsed(fixture("fournisseurs-melange.csv", values)).rows().get(0).errors());
    }

    @Test
    void entrepriseMeansAnOrdinaryCompanyAndAnEmptyZoneMeansTheCommune() {
        SupplierInput input = parsed(HEADER + "\n" + row(Sirets.next(), "Entreprise Ordinaire")).rows().get(0).input();
        assertEquals("COMPANY", input.kind());
        assertEquals(List.of(new SupplierInput.AreaInput("COMMUNE", "93010")), input.interventionArea());
        assertEquals(new SupplierInput.ConsentsInput(false, false, false), input.consents(), "no consent is invented");
    }

    @Test
    void aConsentOtherThanOuiOrNonAndAZoneWithoutTypeAreLineErrors() {
        String line = Sirets.next() + ";Nom;;SARL;TPE;ENTREPRISE;93010;93010|NATIONAL;proprete-locaux;;;;;Alex;;alex@test.vivier.example;;peut-être;OUI;Non";
        SupplierCsv.Row row = parsed(HEADER + "\n" + line).rows().get(0);
        assertEquals(Set.of("zone_intervention", "consentement_publication"),
            row.errors().stream().map(SupplierImportError::column).collect(Collectors.toSet()));
        assertTrue(row.errors().stream().allMatch(e -> e.line() == 2));
        assertEquals(new SupplierInput.ConsentsInput(false, true, false), row.input().consents());
        assertEquals(List.of(new SupplierInput.AreaInput("NATIONAL", "FR")), row.input().interventionArea());
    }

    @Test
    void aCommaSeparatedFileWithABomIsRead() {
        Map<String, String> values = freshValues();
        byte[] csv = fixture("fournisseurs-virgule-bom.csv", values);
        assertEquals((byte) 0xEF, csv[0]);
        SupplierCsv.Row row = parsed(csv).rows().get(0);
        assertEquals(values.get("A"), row.input().siret());
        assertEquals("Atelier Virgule, Bom et Fils", row.input().name());
        assertEquals(new SupplierInput.ConsentsInput(false, true, false), row.input().consents());
        assertEquals(List.of(), row.errors());
    }

    @Test
    void headerNamesAreReadAsPeopleTypeThem() {
        String header = HEADER.replace("raison_sociale", " Raison sociale ").replace("siret", "SIRET");
        assertEquals("Nom", parsed(header + "\n" + row(Sirets.next(), "Nom")).rows().get(0).input().name());
    }

    @Test
    void unknownOrMissingOrRepeatedColumnsRefuseTheWholeFile() {
        String unknown = refusal(fixture("fournisseurs-mauvais-entete.csv", freshValues()));
        assertTrue(unknown.contains("« nom »") && unknown.contains("« couleur_preferee »"), unknown);
        String missing = refusal(HEADER.replace(";contact_email", "") + "\n" + row(Sirets.next(), "Nom"));
        assertTrue(missing.contains("« contact_email »") && missing.contains("obligatoire"), missing);
        String repeated = refusal(HEADER + ";siret\n" + row(Sirets.next(), "Nom"));
        assertTrue(repeated.contains("« siret » apparaît deux fois"), repeated);
    }

    @Test
    void emptyTrailingColumnsAndBlankLinesAreIgnored() {
        String csv = HEADER + ";;\n;;;;;;\n\n" + row(Sirets.next(), "Après des lignes vides") + ";;\n";
        SupplierCsv.Row row = parsed(csv).rows().get(0);
        assertEquals(4, row.line());
        assertEquals(List.of(), row.errors());
    }

    @Test
    void aValueBeyondTheLastColumnIsALineError() {
        SupplierCsv.Row row = parsed(HEADER + "\n" + row(Sirets.next(), "Nom") + ";en trop").rows().get(0);
        assertEquals(1, row.errors().size());
        assertEquals(null, row.errors().get(0).column());
        assertTrue(row.errors().get(0).reason().contains("21 valeurs pour 20 colonnes"), row.errors().get(0).reason());
    }

    @Test
    void emptyFilesAndFilesWithoutRowsAreRefused() {
        assertEquals("Le fichier est vide.", refusal(""));
        assertEquals("Le fichier est vide.", refusal("\uFEFF\n\n"));
        assertTrue(refusal(HEADER + "\n").contains("aucune ligne"));
    }

    @Test
    void aFileNotInUtf8IsRefused() {
        byte[] latin1 = (HEADER + "\n" + row(Sirets.next(), "Société Générale d’Élagage".replace("’", "'")))
            .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(refusal(latin1).contains("UTF-8"));
    }

    @Test
    void aBrokenQuoteRefusesTheFileWithItsLine() {
        String reason = refusal(HEADER + "\n" + row(Sirets.next(), "Bon") + "\n" + row(Sirets.next(), "\"Guillemet jamais fermé"));
        assertTrue(reason.contains("pas un CSV valide") && reason.contains("ligne 3"), reason);
    }

    @Test
    void moreThan2MegabytesIsRefused() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String big = row(Sirets.next(), "x".repeat(2000));
        while (csv.length() <= SupplierCsv.MAX_BYTES) {
            csv.append(big).append('\n');
        }
        assertTrue(refusal(csv.toString()).contains("2 Mo au plus"));
    }

    @Test
    void atMost5000RowsAreAccepted() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String line = row("12345678901234", "Nom");
        for (int i = 0; i < SupplierCsv.MAX_ROWS; i++) {
            csv.append(line).append('\n');
        }
        assertEquals(SupplierCsv.MAX_ROWS, parsed(csv.toString()).rows().size());
        assertTrue(refusal(csv.append(line).append('\n').toString()).contains("plus de 5\u00a0000 lignes"));
    }

    @Test
    void validatorPathsAreReportedUnderTheirCsvColumn() {
        assertEquals("siret", SupplierCsv.columnFor("siret"));
        assertEquals("raison_sociale", SupplierCsv.columnFor("name"));
        assertEquals("zone_intervention", SupplierCsv.columnFor("interventionArea[2]"));
        assertEquals("labels", SupplierCsv.columnFor("labels[1].code"));
        assertEquals("contact_email", SupplierCsv.columnFor("contact.email"));
        assertEquals("site_web", SupplierCsv.columnFor("website"));
    }

    @Test
    void theModelFileHasEveryColumnInOrder() {
        try (InputStream in = SupplierCsvTest.class.getResourceAsStream("/static/modeles/fournisseurs.csv")) {
            byte[] model = in.readAllBytes();
            assertTrue(new String(model, StandardCharsets.UTF_8).startsWith(HEADER + "\n"));
            List<SupplierCsv.Row> rows = parsed(model).rows();
            assertEquals(2, rows.size());
            assertTrue(rows.stream().allMatch(r -> r.errors().isEmpty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
