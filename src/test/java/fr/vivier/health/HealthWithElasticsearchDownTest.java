package fr.vivier.health;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal starts and answers with Elasticsearch unreachable; health says so without failing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthWithElasticsearchDownTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.elasticsearch.url", "http://127.0.0.1:9");
    }

    @Test
    void elasticsearchDownShowsAsDownAndThePortalAsDegraded() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/health");
        assertEquals(200, response.statusCode());
        String body = response.body().replace(" ", "");
        assertTrue(body.contains("\"status\":\"DEGRADED\""), body);
        assertTrue(body.contains("\"elasticsearch\":{\"status\":\"DOWN\""), body);
        assertTrue(body.contains("\"postgresql\":{\"status\":\"UP\""), body);
    }

    @Test
    void pagesStillWork() {
        assertEquals(200, new WebClient(server.getURI()).get("/").statusCode());
    }
}
