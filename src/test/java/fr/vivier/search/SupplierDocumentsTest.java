package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierDocumentsTest implements IntegrationTest {
    @Inject
    SupplierDocuments documents;
    @Inject
    DirectoryService directory;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void buildsTheDocumentsOfThePublishedSuppliersOnlyInTheOrderAsked() {
        String word = UniqueWords.next();
        Supplier full = TestSuppliers.publish(directory, d -> {
            d.name = "Atelier " + word;
            d.kind = "ACI";
            d.communeCode = "93048";
            d.sectors = List.of("espaces-verts-entretien", "proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "93048"), new SupplierInput.AreaInput("DEPARTEMENT", "93"),
                new SupplierInput.AreaInput("NATIONAL", null));
            d.description = "Entretien des espaces verts et nettoyage de l’œuvre, à Montreuil.";
        });
        Supplier bare = TestSuppliers.publish(directory, d -> {
            d.name = "Sobre " + word;
            d.kind = "COMPANY";
            d.communeCode = "13001";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "13001"));
            d.description = "";
        });
        Supplier withLabels = registerWithLabelsAndOffers(word);
        directory.changeStatus(withLabels.id(), SupplierStatus.PUBLISHED, null, "test");
        verifyLabel(withLabels.id(), "agrement-esus");
        Supplier pending = registerWithLabelsAndOffers(word + "x");

        Map<Long, SupplierDocument> built = documents.forSuppliers(List.of(full.id(), pending.id(), bare.id(), withLabels.id(), -1L));

        assertEquals(List.of(full.id(), bare.id(), withLabels.id()), List.copyOf(built.keySet()));
        SupplierDocument montreuil = built.get(full.id());
        assertEquals("Montreuil", montreuil.communeName());
        assertEquals("93", montreuil.departementCode());
        assertEquals("SIAE", montreuil.family());
        assertTrue(montreuil.ess());
        assertTrue(montreuil.local(), "Montreuil is in Est Ensemble, the default territory");
        assertEquals(List.of("C:93048", "D:93", "FR"), montreuil.areaCodes());
        assertEquals(List.of("espaces-verts-entretien", "proprete-locaux"), montreuil.sectors());
        SupplierDocument marseille = built.get(bare.id());
        assertEquals("COMPANY", marseille.family());
        assertFalse(marseille.local());
        SupplierDocument coop = built.get(withLabels.id());
        assertEquals("Coop " + word, coop.tradeName());
        assertEquals(List.of("Nettoyage de bureaux", "Vitrerie"), coop.offers());
        assertEquals(List.of("agrement-esus"), coop.labels());
        assertEquals(List.of("agrement-esus"), coop.verifiedLabels());
        assertEquals(List.of("R:84"), coop.areaCodes());
        assertEquals(Map.of(), documents.forSuppliers(List.of()));
    }

    private Supplier registerWithLabelsAndOffers(String word) {
        return TestSuppliers.register(directory, d -> {
            d.name = "Coopérative " + word;
            d.tradeName = "Coop " + word;
            d.legalForm = "SCOP";
            d.size = "PME";
            d.kind = "COOPERATIVE";
            d.communeCode = "69123";
            d.areas = List.of(new SupplierInput.AreaInput("REGION", "84"));
            d.sectors = List.of("proprete-locaux");
            d.label("agrement-esus", "Arrêté préfectoral", LocalDate.now().plusYears(1).toString());
            d.description = "Nettoyage de bureaux.";
            d.offers = List.of("Nettoyage de bureaux", "Vitrerie");
        });
    }

    private void verifyLabel(long supplierId, String label) {
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                "UPDATE supplier_label SET verified = true, verified_at = now() WHERE supplier_id = ? AND label_code = ?")) {
                statement.setLong(1, supplierId);
                statement.setString(2, label);
                return statement.executeUpdate();
            }
        });
        assertEquals(1, updated);
    }
}
