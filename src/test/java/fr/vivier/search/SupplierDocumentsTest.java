package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
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
import java.util.UUID;

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
        String word = SearchTestData.uniqueWord();
        Supplier full = SearchTestData.publish(directory, "Atelier " + word, "ACI", "93048",
            List.of("espaces-verts-entretien", "proprete-locaux"),
            List.of(new SupplierInput.AreaInput("COMMUNE", "93048"), new SupplierInput.AreaInput("DEPARTEMENT", "93"),
                new SupplierInput.AreaInput("NATIONAL", null)),
            "Entretien des espaces verts et nettoyage de l’œuvre, à Montreuil.");
        Supplier bare = SearchTestData.publish(directory, "Sobre " + word, "COMPANY", "13001", List.of("proprete-locaux"),
            List.of(new SupplierInput.AreaInput("COMMUNE", "13001")), "");
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
        SupplierInput input = new SupplierInput(Sirets.next(), "Coopérative " + word, "Coop " + word, "SCOP", "PME", "COOPERATIVE",
            "69123", List.of(new SupplierInput.AreaInput("REGION", "84")), List.of("proprete-locaux"),
            List.of(new SupplierInput.LabelInput("agrement-esus", "Arrêté préfectoral", LocalDate.now().plusYears(1).toString())),
            "Nettoyage de bureaux.", List.of("Nettoyage de bureaux", "Vitrerie"), List.of(), null,
            new SupplierInput.ContactInput("Test Contact", null, "bulk-" + UUID.randomUUID() + "@test.vivier.example", null),
            new SupplierInput.ConsentsInput(true, false, false), null);
        if (!(directory.register(input, "test") instanceof DirectoryService.RegistrationResult.Registered registered)) {
            throw new IllegalStateException("inscription de test refusée");
        }
        return registered.supplier();
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
