package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
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

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkSupplierDocumentsTest implements IntegrationTest {
    @Inject
    BulkSupplierDocuments bulk;
    @Inject
    SupplierDocuments documents;
    @Inject
    DirectoryService directory;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void givesForEachPublishedSupplierTheDocumentTheIndexerBuildsOneByOne() {
        String word = SearchTestData.uniqueWord();
        Supplier full = SearchTestData.publish(directory, "Atelier " + word, "ACI", "93048",
            List.of("espaces-verts-entretien", "proprete-locaux"),
            List.of(new SupplierInput.AreaInput("COMMUNE", "93048"), new SupplierInput.AreaInput("DEPARTEMENT", "93"),
                new SupplierInput.AreaInput("NATIONAL", null)),
            "Entretien des espaces verts et nettoyage de l’œuvre, à Montreuil.");
        Supplier bare = SearchTestData.publish(directory, "Sobre " + word, "COMPANY", "13001", List.of("proprete-locaux"),
            List.of(new SupplierInput.AreaInput("COMMUNE", "13001")), "");
        Supplier withLabels = registerWithLabelsAndOffers(word);
        directory.changeStatus(withLabels.id(), fr.vivier.directory.SupplierStatus.PUBLISHED, null, "test");
        verifyLabel(withLabels.id(), "agrement-esus");
        Supplier pending = registerWithLabelsAndOffers(word + "x");

        Map<Long, SupplierDocument> built = bulk.forSuppliers(List.of(full.id(), pending.id(), bare.id(), withLabels.id(), -1L));

        assertEquals(List.of(full.id(), bare.id(), withLabels.id()), List.copyOf(built.keySet()));
        for (Supplier supplier : List.of(full, bare, withLabels)) {
            assertEquals(documents.forSupplier(supplier.id()).orElseThrow(), built.get(supplier.id()));
        }
        assertFalse(built.get(withLabels.id()).verifiedLabels().isEmpty(), "the verified label is in the document");
        assertEquals(Map.of(), bulk.forSuppliers(List.of()));
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
