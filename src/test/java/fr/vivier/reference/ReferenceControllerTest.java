package fr.vivier.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
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
    EmbeddedServer server;

    @Inject
    ReferenceData reference;

    private List<Map<String, Object>> list(String path) throws Exception {
        return new ObjectMapper().readValue(new WebClient(server.getURI()).get(path).body(), new TypeReference<>() { });
    }

    @Test
    void sectorsComeWithTheirGroupAndCoverTheBuyersUsualNeeds() throws Exception {
        List<Map<String, Object>> sectors = list("/api/v1/reference/sectors");
        assertTrue(sectors.size() >= 100 && sectors.size() <= 160, "sectors: " + sectors.size());
        Set<Object> groups = sectors.stream().map(s -> s.get("group")).collect(Collectors.toSet());
        assertTrue(groups.size() >= 15, "groups: " + groups.size());
        assertTrue(groups.contains("espaces-verts"), groups.toString());
        assertTrue(sectors.stream().allMatch(s -> s.get("code") != null && s.get("label") != null && s.get("groupLabel") != null));
    }

    @Test
    void labelCatalogueHoldsTheSocialAndEnvironmentalLabels() throws Exception {
        List<Map<String, Object>> labels = list("/api/v1/reference/labels");
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
