package fr.vivier.reference;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceControllerTest implements IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ReferenceData reference;

    @Test
    void sectorsComeWithTheirGroupAndCoverTheBuyersUsualNeeds() {
        List<Map<String, Object>> sectors = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/reference/sectors"),
            Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(sectors.size() >= 100 && sectors.size() <= 160, "sectors: " + sectors.size());
        Set<Object> groups = sectors.stream().map(s -> s.get("group")).collect(Collectors.toSet());
        assertTrue(groups.size() >= 15, "groups: " + groups.size());
        assertTrue(groups.contains("espaces-verts"), groups.toString());
        assertTrue(sectors.stream().allMatch(s -> s.get("code") != null && s.get("label") != null && s.get("groupLabel") != null));
    }

    @Test
    void labelCatalogueHoldsTheSocialAndEnvironmentalLabels() {
        List<Map<String, Object>> labels = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/reference/labels"),
            Argument.listOf(Argument.mapOf(String.class, Object.class)));
        String all = labels.toString();
        assertTrue(labels.size() >= 20, "labels: " + labels.size());
        assertTrue(all.contains("ESUS"), all);
        assertTrue(all.contains("RGE"), all);
        assertTrue(all.contains("Qualiopi"), all);
    }

    @Test
    void communesAreLoadedWithTheirIntercommunality() {
        assertTrue(reference.communeCount() > 34_000, "communes: " + reference.communeCount());
        Commune aix = reference.commune("13001").orElseThrow();
        assertEquals("Aix-en-Provence", aix.name());
        assertEquals("13", aix.departementCode());
        assertTrue(aix.epciCode() != null && !aix.epciCode().isBlank());
        Commune montreuil = reference.commune("93048").orElseThrow();
        assertTrue(montreuil.eptCode() != null, "Montreuil belongs to the EPT Est Ensemble");
    }
}
