package fr.vivier.purchases;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseImportTest implements IntegrationTest {
    @Inject
    PurchaseService purchases;
    @Inject
    PurchaseRecords records;
    @Inject
    DirectoryService directory;

    private ImportReport importDecp(String json, boolean save) {
        return purchases.importFile(PurchaseService.FileKind.DECP, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), save,
            null, PurchaseImport.Progress.NONE);
    }

    private static String official() throws IOException {
        try (InputStream in = PurchaseImportTest.class.getResourceAsStream("/decp/exemple-marches-avec-modifications.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String buyerKey() {
        return "2" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private static String problems(ImportReport report) {
        return report.lines().stream().flatMap(line -> line.problems().stream().map(p -> line.recordId() + " " + p.field() + " : " + p.reason()))
            .collect(Collectors.joining("\n"));
    }

    /** One contract as DECP writes it, with {@code extra} fields added or replacing the defaults. */
    private static String marche(String buyer, String id, String holder, String extra) {
        return """
            {"id": "%s", "acheteur": {"id": "%s"}, "nature": "Marché", "objet": "Entretien des espaces verts %s",
             "codeCPV": "77310000", "procedure": "Procédure adaptée", "formePrix": "Forfaitaire", "montant": 38500,
             "dateNotification": "2024-05-15", "dureeMois": 12, "marcheInnovant": false, "attributionAvance": false,
             "considerationsSociales": {"considerationSociale": ["Clause sociale"]},
             "considerationsEnvironnementales": {"considerationEnvironnementale": ["Pas de considération environnementale"]},
             "titulaires": [{"titulaire": {"id": "%s", "typeIdentifiant": "SIRET"}}]%s}
            """.formatted(id, buyer, id, holder, extra);
    }

    private static String file(String... marches) {
        return "{\"marches\": {\"marche\": [" + String.join(",", marches) + "]}}";
    }

    @Test
    void theOfficialExampleIsReadAndItsMalformedHoldersAreReportedAtTheirField() throws IOException {
        ImportReport report = importDecp(official(), false);

        assertEquals("0 importés, 0 mis à jour, 0 inchangés, 2 refusés", report.summary(), problems(report));
        String problems = problems(report);
        assertTrue(problems.contains("21750001630066 / TEST2022 modifications[1].titulaires[1].id : « 868768687576575 » : Le SIRET compte 14 chiffres"),
            problems);
        assertTrue(problems.contains("actesSousTraitance[1].sousTraitant.id : « 214356 »"), problems);
    }

    @Test
    void theRepairedExampleImportsWithItsModificationThenReimportingChangesNothing() throws IOException {
        String buyer = buyerKey();
        String holder = Sirets.next();
        String modifiedHolder = Sirets.next();
        String json = official().replace("21750001630066", buyer).replace("21750001630040", buyer)
            .replace("868768687576575", modifiedHolder).replace("\"214356\"", "\"" + Sirets.next() + "\"")
            .replace("55204599900869", holder);

        ImportReport first = importDecp(json, true);
        ImportReport again = importDecp(json, true);

        assertEquals("2 importés, 0 mis à jour, 0 inchangés, 0 refusés", first.summary(), problems(first));
        assertEquals("0 importés, 0 mis à jour, 2 inchangés, 0 refusés", again.summary(), problems(again));
        List<PurchaseRow> saved = new java.util.ArrayList<>();
        records.forEachOfYear(2024, row -> {
            if (row.buyerKey().equals(buyer)) {
                saved.add(row);
            }
        });
        assertEquals(2, saved.size());
        PurchaseRow row = saved.get(0);
        assertEquals(0, new BigDecimal("123457.87").compareTo(row.amount()), "montant de la modification");
        assertEquals(0, new BigDecimal("575000").compareTo(row.initialAmount()));
        assertEquals(12, row.durationMonths());
        assertEquals(modifiedHolder, row.holders().get(0).identifier(), "titulaires de la modification");
        assertEquals(List.of("CLAUSE", "CRITERION"), row.socialConsiderations());
        assertEquals("WORKS", row.category(), "CPV 45 : travaux");
        assertEquals(1, row.subcontractors().size());
    }

    @Test
    void aChangedRecordIsUpdatedAndTheHoldersAttributesStayFrozen() {
        String buyer = buyerKey();
        var supplier = TestSuppliers.register(directory, draft -> draft.kind = "ACI");
        String otherEstablishment = TestSuppliers.newSiret(supplier.siren());
        ImportReport first = importDecp(file(marche(buyer, "GEL-1", supplier.siret(), ""), marche(buyer, "GEL-2", otherEstablishment, "")), true);
        assertEquals("2 importés, 0 mis à jour, 0 inchangés, 0 refusés", first.summary(), problems(first));

        ImportReport changed = importDecp(file(marche(buyer, "GEL-1", supplier.siret(), ", \"offresRecues\": 3"),
            marche(buyer, "GEL-2", otherEstablishment, "")), true);

        assertEquals("0 importés, 1 mis à jour, 1 inchangés, 0 refusés", changed.summary(), problems(changed));
        List<PurchaseRow> saved = new java.util.ArrayList<>();
        records.forEachOfYear(2024, row -> {
            if (row.buyerKey().equals(buyer)) {
                saved.add(row);
            }
        });
        PurchaseRow.Party bySiret = saved.get(0).holders().get(0);
        PurchaseRow.Party bySiren = saved.get(1).holders().get(0);
        assertEquals("SIRET", bySiret.matchedBy());
        assertEquals("ACI", bySiret.kind());
        assertEquals("SIAE", bySiret.family());
        assertEquals(Boolean.TRUE, bySiret.ess());
        assertEquals(supplier.id(), bySiret.supplierId());
        assertEquals("SIREN", bySiren.matchedBy(), "autre établissement de la même entreprise");
        assertEquals(java.time.LocalDate.of(2024, 5, 15), bySiret.frozenOn());
    }

    @Test
    void aFileOfSeveralBatchesKeepsEachRecordWithItsOwnHolderAmountAndModificationAndABadOneOutOfItsBatch() {
        String buyer = buyerKey();
        List<String> sirets = new java.util.ArrayList<>();
        List<String> marches = new java.util.ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            String siret = Sirets.next();
            sirets.add(siret);
            String marche = marche(buyer, "LOT-" + i, siret, i % 3 == 0 ? ", \"modifications\": [{\"modification\": {\"id\": 1, "
                + "\"montant\": " + (50_000 + i) + ", \"dateNotificationModification\": \"2024-07-01\"}}]" : "")
                .replace("\"montant\": 38500", "\"montant\": " + (10_000 + i));
            marches.add(i == 600 ? marche.replace("2024-05-15", "2099-01-01") : marche);
        }

        ImportReport first = importDecp(file(marches.toArray(String[]::new)), true);
        ImportReport again = importDecp(file(marches.toArray(String[]::new)), true);

        assertEquals("1099 importés, 0 mis à jour, 0 inchangés, 1 refusés", first.summary());
        assertEquals("0 importés, 0 mis à jour, 1099 inchangés, 1 refusés", again.summary());
        java.util.Map<String, PurchaseRow> saved = new java.util.HashMap<>();
        records.forEachOfYear(2024, row -> {
            if (row.buyerKey().equals(buyer)) {
                saved.put(row.reference(), row);
            }
        });
        assertEquals(1_099, saved.size());
        assertNull(saved.get("LOT-600"), "la date dans le futur garde ce marché dehors");
        for (int i : new int[] {0, 1, 249, 250, 499, 500, 501, 599, 601, 1_099}) {
            PurchaseRow row = saved.get("LOT-" + i);
            assertEquals(sirets.get(i), row.holders().get(0).identifier(), "titulaire du marché " + i);
            assertEquals(new BigDecimal(i % 3 == 0 ? 50_000 + i : 10_000 + i).setScale(2), row.amount(), "montant du marché " + i);
            assertEquals(new BigDecimal(10_000 + i).setScale(2), row.initialAmount(), "montant initial du marché " + i);
        }
    }

    @Test
    void eachRealWorldDefectIsReportedForItsRecordAndTheGoodOnesAreImported() {
        String buyer = buyerKey();
        String siret = Sirets.next();
        String json = file(
            marche(buyer, "NC", siret, "").replace("\"dureeMois\": 12", "\"dureeMois\": \"NC\""),
            marche(buyer, "OUI", siret, "").replace("\"marcheInnovant\": false", "\"marcheInnovant\": \"oui\""),
            marche(buyer, "ABSURDE", siret, "").replace("\"montant\": 38500", "\"montant\": 1e17"),
            marche(buyer, "TVA", "FR40303265045", "").replace("\"typeIdentifiant\": \"SIRET\"", "\"typeIdentifiant\": \"TVA\""),
            marche(buyer, "HORSUE", "GB123456789", "").replace("\"typeIdentifiant\": \"SIRET\"", "\"typeIdentifiant\": \"HORS-UE\""),
            marche(buyer, "MODIF", siret, ", \"modifications\": [{\"modification\": {\"id\": 1, \"dateNotificationModification\": \"2024-06-01\","
                + " \"titulaires\": [{\"titulaire\": {\"id\": \"ABC\"}}]}}]"),
            marche(buyer, "ENUM", siret, "").replace("Procédure adaptée", "Procédure inventée"),
            marche(buyer, "FUTUR", siret, "").replace("2024-05-15", "2099-01-01"),
            marche(buyer, "SIRET", "12345678901234", ""));

        ImportReport report = importDecp(json, true);

        assertEquals("4 importés, 0 mis à jour, 0 inchangés, 5 refusés", report.summary(), problems(report));
        String problems = problems(report);
        assertTrue(problems.contains(buyer + " / NC dureeMois : Durée « NC » (non communiquée) : enregistrée comme non renseignée."), problems);
        assertTrue(problems.contains(buyer + " / OUI marcheInnovant : Booléen écrit « oui »"), problems);
        assertTrue(problems.contains(buyer + " / ABSURDE montant : Montant invraisemblable (100000000000000000 €)"), problems);
        assertTrue(problems.contains(buyer + " / TVA titulaires[1] : Identifié par TVA"), problems);
        assertTrue(problems.contains(buyer + " / HORSUE titulaires[1] : Identifié par HORS-UE"), problems);
        assertTrue(problems.contains(buyer + " / MODIF modifications[1].titulaires[1].typeIdentifiant : Type d’identifiant absent"), problems);
        assertTrue(problems.contains(buyer + " / ENUM procedure : Valeur inconnue « Procédure inventée »"), problems);
        assertTrue(problems.contains(buyer + " / FUTUR dateNotification : La date de notification (1 janvier 2099) est dans le futur."), problems);
        assertTrue(problems.contains(buyer + " / SIRET titulaires[1].id : « 12345678901234 » : Ce numéro SIRET n’est pas valide"), problems);
        List<PurchaseRow> saved = new java.util.ArrayList<>();
        records.forEachOfYear(2024, row -> {
            if (row.buyerKey().equals(buyer)) {
                saved.add(row);
            }
        });
        assertEquals(List.of("HORSUE", "NC", "OUI", "TVA"), saved.stream().map(PurchaseRow::reference).sorted().toList());
        PurchaseRow nc = saved.stream().filter(row -> row.reference().equals("NC")).findFirst().orElseThrow();
        assertNull(nc.durationMonths(), "durée non renseignée, pas devinée");
        PurchaseRow tva = saved.stream().filter(row -> row.reference().equals("TVA")).findFirst().orElseThrow();
        assertEquals("NONE", tva.holders().get(0).matchedBy());
        assertNull(tva.holders().get(0).ess(), "non renseigné");
    }

    @Test
    void aFileThatIsNotDecpIsRefusedWholeInFrench() {
        assertEquals(DecpFile.NOT_DECP, importDecp("{\"data\": [1, 2, 3]}", false).fileRefusal());
        assertEquals(DecpFile.NOT_DECP, importDecp("[{\"id\": 1}]", false).fileRefusal());
        assertTrue(importDecp("ceci n'est pas du JSON", false).fileRefusal().startsWith("Ce fichier n’est pas un JSON lisible."));
    }

    @Test
    void aFileCutHalfWayKeepsTheWholeRecordsReadBeforeAndSaysWhereItStopped() {
        String buyer = buyerKey();
        String json = file(marche(buyer, "AVANT", Sirets.next(), ""), marche(buyer, "COUPE", Sirets.next(), ""));
        ImportReport report = importDecp(json.substring(0, json.indexOf("COUPE") + 20), true);

        assertEquals("1 importés, 0 mis à jour, 0 inchangés, 0 refusés", report.summary(), problems(report));
        assertNotNull(report.fileRefusal());
        assertTrue(report.fileRefusal().startsWith("Le fichier JSON est mal formé ligne"), report.fileRefusal());
        assertTrue(report.fileRefusal().contains("les 1 marchés lus avant ce point sont traités"), report.fileRefusal());
    }

    @Test
    void theSpreadsheetImportChecksEachCellAndIsIdempotentByReference() {
        String reference = "TAB-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String csv = PurchaseSheet.template().replace("ESP-2026-014", reference).replace("55204599900869", Sirets.next())
            .replace("15/03/2026", "15/03/2025")
            + "21930010400018;" + reference + "-B;Objet;;;;Procédure inventée;;-5;15/03/2025;;;123;;;;;;;;;;;;;;;;;;;;;;;;;\r\n";
        ImportReport first = purchases.importFile(PurchaseService.FileKind.SPREADSHEET,
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true, null, PurchaseImport.Progress.NONE);
        ImportReport again = purchases.importFile(PurchaseService.FileKind.SPREADSHEET,
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true, null, PurchaseImport.Progress.NONE);

        assertEquals("1 importés, 0 mis à jour, 0 inchangés, 1 refusés", first.summary(), problems(first));
        assertEquals("0 importés, 0 mis à jour, 1 inchangés, 1 refusés", again.summary(), problems(again));
        String problems = problems(first);
        assertTrue(problems.contains("ligne 3 procedure : Valeur inconnue « Procédure inventée »"), problems);
        assertTrue(problems.contains("ligne 3 montant_ht : Le montant doit être supérieur à zéro"), problems);
        assertTrue(problems.contains("ligne 3 titulaires : « 123 » : Le SIRET compte 14 chiffres"), problems);
    }
}
