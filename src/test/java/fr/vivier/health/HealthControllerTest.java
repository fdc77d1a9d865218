package fr.vivier.health;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Test
    void reportsPostgresqlAndElasticsearchUp() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/health");
        assertEquals(200, response.statusCode());
        String body = response.body().replace(" ", "");
        assertTrue(body.startsWith("{\"status\":\"UP\""), body);
        assertTrue(body.contains("\"postgresql\":{\"status\":\"UP\""), body);
        assertTrue(body.contains("\"elasticsearch\":{\"status\":\"UP\""), body);
        assertTrue(!body.matches("(?s).*\\d+\\.\\d+.*"), "no software version for anonymous visitors: " + body);
    }
}
