package fr.vivier.demo;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierValidator;
import fr.vivier.purchases.ImportReport;
import fr.vivier.purchases.PurchaseRecords;
import fr.vivier.purchases.PurchaseRow;
import fr.vivier.reference.ReferenceData;
import fr.vivier.sourcing.SourcingEntry;
import fr.vivier.web.FrenchFormat;
import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSuppliersTest implements IntegrationTest {
    private static final String DEMO_SIRETS = DemoSupplierGenerator.SIREN_PREFIX + "%";

    @Inject
    DemoSupplierLoader loader;
    @Inject
    SupplierValidator validator;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    ReferenceData reference;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    DemoPurchases demoPurchases;
    @Inject
    DemoJournal demoJournal;
    @Inject
    PurchaseRecords records;
    @Inject
    Clock clock;

    /** The demo structures, their purchases and contacts exist only while this class runs, so that other tests never meet them. */
    @BeforeAll
    @AfterAll
    void removeDemoSuppliers() {
        transactions.executeWrite(status -> {
            update("DELETE FROM purchase WHERE id IN (SELECT purchase_id FROM purchase_party WHERE identifier LIKE ?)");
            update("DELETE FROM sourcing_entry WHERE supplier_siret LIKE ?");
            update("DELETE FROM holder_qualification WHERE identifier LIKE ?");
            update("DELETE FROM purchase WHERE created_by IN (SELECT id FROM account WHERE email = ?)", DemoAccounts.BUYER_EMAIL);
            update("DELETE FROM sourcing_entry WHERE account_id IN (SELECT id FROM account WHERE email = ?)", DemoAccounts.BUYER_EMAIL);
            update("INSERT INTO search_outbox (entity, entity_id) SELECT 'supplier', id FROM supplier WHERE siret LIKE ?");
            return update("DELETE FROM supplier WHERE siret LIKE ?");
        });
    }

    @Test
    void generatorGivesTheSameStructuresEveryTime() {
        assertEquals(loader.demoSuppliers(), loader.demoSuppliers());
    }

    @Test
    void everyDemoStructureIsValidAndClearlyFictitious() {
        List<DemoSupplier> demo = loader.demoSuppliers();
        assertEquals(200, demo.size());
        Set<String> sirets = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (DemoSupplier supplier : demo) {
            SupplierInput input = supplier.input();
            assertInstanceOf(SupplierValidator.Result.Valid.class, validator.validate(input), () -> input.name() + " : " + validator.validate(input));
            assertTrue(sirets.add(input.siret()) && input.siret().startsWith(DemoSupplierGenerator.SIREN_PREFIX), input.siret());
            assertTrue(names.add(input.name()) && input.name().endsWith(" (fictif)"), input.name());
            assertTrue(input.description().endsWith("Structure fictive de démonstration."), input.description());
            assertTrue(input.contact().email().endsWith("@demo.vivier.example"), input.contact().email());
            assertTrue(input.sectors().size() >= 1 && input.sectors().size() <= 4, input.name() + " " + input.sectors());
            assertTrue(input.labels().size() <= 3, input.name() + " " + input.labels());
            assertFalse(input.offers().isEmpty());
        }
    }

    @Test
    void mixOfKindsAndPlacesIsThatOfTheTerritorysDirectory() {
        List<DemoSupplier> demo = loader.demoSuppliers();
        Map<StructureKind.Family, Integer> families = new EnumMap<>(StructureKind.Family.class);
        Set<StructureKind> kinds = new HashSet<>();
        for (DemoSupplier supplier : demo) {
            StructureKind kind = StructureKind.valueOf(supplier.input().kind());
            kinds.add(kind);
            families.merge(kind.family(), 1, Integer::sum);
        }
        assertEquals(Map.of(StructureKind.Family.COMPANY, 90, StructureKind.Family.SIAE, 40, StructureKind.Family.STPA, 20,
            StructureKind.Family.ESS, 50), families);
        assertTrue(kinds.containsAll(List.of(StructureKind.EI, StructureKind.AI, StructureKind.ACI, StructureKind.ETTI,
            StructureKind.EITI, StructureKind.GEIQ, StructureKind.ESAT, StructureKind.EA, StructureKind.ASSOCIATION,
            StructureKind.COOPERATIVE, StructureKind.ESUS)), kinds.toString());
        long inEstEnsemble = demo.stream().filter(s -> "200057875".equals(
            reference.commune(s.input().communeCode()).orElseThrow().eptCode())).count();
        assertEquals(170, inEstEnsemble);
        long montreuil = count(demo, s -> s.input().communeCode().equals("93048"));
        assertTrue(montreuil >= 40 && montreuil <= 45, "Montreuil has a quarter of the territory's population: " + montreuil);
        assertTrue(count(demo, s -> s.input().kind().equals("ESAT") && s.input().sectors().stream()
            .anyMatch(code -> code.startsWith("industrie-") || code.startsWith("espaces-verts-") || code.startsWith("blanchisserie-")
                || code.startsWith("restauration-"))) >= 7, "ESAT mostly in conditionnement, espaces verts, blanchisserie, restauration");
        assertEquals(DemoSupplierGenerator.PENDING, count(demo, s -> !s.publish()));
        assertEquals(DemoSupplierGenerator.RECONTACT_REQUESTS, count(demo, s -> s.input().recontactRequest() != null));
        assertTrue(count(demo, s -> !s.input().labels().isEmpty()) > 80);
        assertTrue(count(demo, s -> !s.verifiedLabels().isEmpty()) > 20);
        assertTrue(count(demo, s -> s.input().consents().publishContact()) > 150);
    }

    @Test
    void loadingTwiceAddsNothingAndSendsNoMail() {
        loadDemoStructures();
        assertEquals(200, countRows("SELECT count(*) FROM supplier WHERE siret LIKE ?"));
        assertEquals(0, loader.load());
        assertEquals(200, countRows("SELECT count(*) FROM supplier WHERE siret LIKE ?"));
        assertEquals(DemoSupplierGenerator.PENDING, countRows("SELECT count(*) FROM supplier WHERE siret LIKE ? AND status = 'PENDING'"));
        assertEquals(200 - DemoSupplierGenerator.PENDING,
            countRows("SELECT count(*) FROM supplier WHERE siret LIKE ? AND status = 'PUBLISHED'"));
        assertEquals(DemoSupplierGenerator.RECONTACT_REQUESTS, countRows(
            "SELECT count(*) FROM recontact_request r JOIN supplier s ON s.id = r.supplier_id WHERE s.siret LIKE ?"));
        assertTrue(countRows("SELECT count(*) FROM supplier_label l JOIN supplier s ON s.id = l.supplier_id "
            + "WHERE s.siret LIKE ? AND l.verified") > 20);
        assertEquals(200, countRows("SELECT count(DISTINCT o.entity_id) FROM search_outbox o JOIN supplier s ON s.id = o.entity_id "
            + "WHERE o.entity = 'supplier' AND s.siret LIKE ?"));
        assertEquals(0, countRows("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ?", "%@demo.vivier.example"));
        String someSiret = loader.demoSuppliers().get(0).input().siret();
        assertTrue(directory.findBySiret(someSiret).isPresent());
    }

    @Test
    void aYearOfPurchasesIsImportedOnceMostlyUnder40kFromDirectoryStructuresWithTheirAttributesFrozen() {
        loadDemoStructures();
        ImportReport first = demoPurchases.load();
        ImportReport again = demoPurchases.load();

        assertEquals(DemoPurchases.COUNT + " importés, 0 mis à jour, 0 inchangés, 0 refusés", first.summary());
        assertEquals("0 importés, 0 mis à jour, " + DemoPurchases.COUNT + " inchangés, 0 refusés", again.summary());
        LocalDate today = FrenchFormat.today(clock);
        List<PurchaseRow> demo = new ArrayList<>();
        for (int year : List.of(today.getYear() - 1, today.getYear())) {
            records.forEachOfYear(year, row -> {
                if (row.buyerKey().isEmpty() && row.reference().startsWith("DEMO-")) {
                    demo.add(row);
                }
            });
        }
        assertEquals(DemoPurchases.COUNT, demo.size());
        assertTrue(demo.stream().allMatch(row -> row.notifiedOn().isBefore(today) && row.notifiedOn().isAfter(today.minusYears(1))));
        long small = demo.stream().filter(row -> row.amount().compareTo(new BigDecimal(40_000)) < 0).count();
        assertTrue(small > DemoPurchases.COUNT / 2 && small < DemoPurchases.COUNT * 8 / 10, "moins de 40 k€ : " + small);
        assertTrue(demo.stream().map(PurchaseRow::procedure).distinct().count() >= 3);
        assertTrue(demo.stream().map(PurchaseRow::direction).distinct().count() >= 8);
        List<PurchaseRow.Party> holders = demo.stream().flatMap(row -> row.holders().stream()).toList();
        long outside = holders.stream().filter(holder -> !holder.matched()).count();
        assertTrue(outside > holders.size() / 20 && outside < holders.size() / 4, "hors annuaire : " + outside + " / " + holders.size());
        Map<String, Long> families = holders.stream().filter(PurchaseRow.Party::matched)
            .collect(Collectors.groupingBy(PurchaseRow.Party::family, Collectors.counting()));
        assertEquals(Set.of("COMPANY", "ESS", "SIAE", "STPA"), families.keySet(), families.toString());
        assertTrue(holders.stream().filter(PurchaseRow.Party::matched).allMatch(holder -> holder.size() != null && holder.onTerritory() != null));
        List<PurchaseRow> reserved = demo.stream().filter(row -> !row.reservation().equals("NONE")).toList();
        assertTrue(reserved.size() >= 10, "marchés réservés : " + reserved.size());
        assertTrue(reserved.stream().allMatch(row -> row.holders().get(0).family().equals(row.reservation())), "réservé à la famille du titulaire");
        assertTrue(count(demo, row -> !row.socialConsiderations().isEmpty()) >= DemoPurchases.COUNT / 10);
        assertTrue(count(demo, row -> !row.environmentalConsiderations().isEmpty()) >= DemoPurchases.COUNT / 4);
        assertTrue(count(demo, PurchaseRow::advance) >= DemoPurchases.COUNT / 5);
        assertTrue(count(demo, PurchaseRow::variants) >= DemoPurchases.COUNT / 20);
        assertTrue(count(demo, row -> row.insertionHoursAchieved() != null) >= 10);
    }

    @Test
    void theDemoPurchasesLookLikeARealAuthoritysNotLikeATargetMetTwice() {
        loadDemoStructures();
        demoPurchases.load();
        LocalDate today = FrenchFormat.today(clock);
        List<PurchaseRow> demo = new ArrayList<>();
        for (int year : List.of(today.getYear() - 1, today.getYear())) {
            records.forEachOfYear(year, row -> {
                if (row.buyerKey().isEmpty() && row.reference().startsWith("DEMO-")) {
                    demo.add(row);
                }
            });
        }
        List<PurchaseRow> known = demo.stream().filter(row -> row.holders().stream().allMatch(PurchaseRow.Party::matched)).toList();
        BigDecimal knownSpend = known.stream().map(PurchaseRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal localSpend = known.stream().filter(row -> row.holders().stream().anyMatch(h -> Boolean.TRUE.equals(h.onTerritory())))
            .map(PurchaseRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long sme = count(known, row -> row.holders().stream().anyMatch(h -> "TPE".equals(h.size()) || "PME".equals(h.size())));
        double localShare = localSpend.doubleValue() * 100 / knownSpend.doubleValue();
        double smeShare = sme * 100.0 / known.size();
        String figures = "local " + Math.round(localShare) + " % du montant, TPE/PME " + Math.round(smeShare) + " % des marchés, non renseignés "
            + (demo.size() - known.size());
        // the seeds: Aix 2022, 48 % of the spend with firms of the territory; SMEs win about six contracts in ten
        assertTrue(localShare > 38 && localShare < 58, figures);
        assertTrue(smeShare > 50 && smeShare < 70, figures);
        assertTrue(demo.size() - known.size() > DemoPurchases.COUNT / 20, figures);
        assertTrue(known.stream().anyMatch(row -> row.holders().get(0).matchedBy().equals("MANUAL")), "entreprises qualifiées à la main");
    }

    @Test
    void theDemoBuyersPurchaseUnder40kIsLinkedToTheConsultationOfTheRetainedSupplier() {
        accounts.createWithPasswordIfAbsent(DemoAccounts.BUYER_EMAIL, "Camille Acheteuse (démo)", Role.BUYER, "Direction des espaces verts",
            DemoAccounts.PASSWORD);
        loadDemoStructures();
        DemoJournal.Consultations consultations = demoJournal.load().orElseThrow();
        assertTrue(demoJournal.load().isEmpty(), "le journal de démonstration n’est écrit qu’une fois");

        demoPurchases.recordFrom(consultations);

        assertEquals(3, consultations.entries().size());
        SourcingEntry retained = consultations.entries().get(0);
        List<String> linked = transactions.executeRead(status -> jdbc.prepareStatement("""
            SELECT p.sourcing_entry_ids::text, p.direction, p.amount, pp.matched_by FROM purchase p JOIN purchase_party pp ON pp.purchase_id = p.id
            WHERE pp.identifier = ? AND p.object = 'Désherbage manuel du cimetière de Noisy-le-Sec'""", statement -> {
                statement.setString(1, retained.supplierSiret());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return List.of(rows.getString(1), rows.getString(2), rows.getBigDecimal(3).toPlainString(), rows.getString(4));
                }
            }));
        assertEquals(List.of("{" + retained.id() + "}", "Direction des espaces verts", "14800.00", "SIRET"), linked);
    }

    /** As at start-up: the staff account first (it verifies labels), then the structures. */
    private void loadDemoStructures() {
        accounts.createWithPasswordIfAbsent(DemoSupplierLoader.STAFF_EMAIL, "Dominique Agent (démo)", Role.STAFF,
            "Direction du développement économique", DemoAccounts.PASSWORD);
        loader.load();
    }

    private static <T> long count(List<T> rows, Predicate<T> predicate) {
        return rows.stream().filter(predicate).count();
    }


    private long countRows(String sql) {
        return countRows(sql, DEMO_SIRETS);
    }

    private long countRows(String sql, String parameter) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    private int update(String sql) {
        return update(sql, DEMO_SIRETS);
    }

    private int update(String sql, String parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        });
    }
}
