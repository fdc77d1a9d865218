package fr.vivier.demo;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierValidator;
import fr.vivier.reference.ReferenceData;
import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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

    /** The demo structures exist only while this class runs, so that other tests never meet them. */
    @BeforeAll
    @AfterAll
    void removeDemoSuppliers() {
        transactions.executeWrite(status -> {
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
        accounts.createWithPasswordIfAbsent(DemoSupplierLoader.STAFF_EMAIL, "Dominique Agent (démo)", Role.STAFF,
            "Direction du développement économique", DemoAccounts.PASSWORD);
        loader.load();
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

    private static long count(List<DemoSupplier> demo, Predicate<DemoSupplier> predicate) {
        return demo.stream().filter(predicate).count();
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
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, DEMO_SIRETS);
            return statement.executeUpdate();
        });
    }
}
