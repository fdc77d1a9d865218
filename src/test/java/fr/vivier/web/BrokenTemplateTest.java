package fr.vivier.web;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A template that fails while it is rendered answers the French error page. It used to leave the request without an
 * answer: the failure happened while the body was written, after the error handlers, and the browser waited forever.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenTemplateTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.test.broken-template", "true");
    }

    @Test
    void aTemplateFailingWhileRenderedAnswersTheFrenchErrorPageAndTheServerGoesOn() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int round = 0; round < 3; round++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.getURI().resolve("/essai/page-cassee"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(500, response.statusCode());
            assertTrue(response.body().contains("Erreur du serveur"), response.body());
        }
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(server.getURI().resolve("/"))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
    }
}
