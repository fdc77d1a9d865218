package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TcpProxy;
import fr.vivier.testsupport.TestServices;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elasticsearch goes down: registrations still work, search says so quickly, and nothing is lost when it is back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchOutageTest implements IntegrationTest {
    private final TcpProxy proxy = startProxy();

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    SupplierSearch search;

    private static TcpProxy startProxy() {
        String url = System.getenv().getOrDefault("VIVIER_ELASTICSEARCH_URL",
            TestServices.properties().getOrDefault("vivier.elasticsearch.url", "http://127.0.0.1:59200"));
        URI uri = URI.create(url);
        try {
            return new TcpProxy(uri.getHost(), uri.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.elasticsearch.url", "http://127.0.0.1:" + proxy.port());
    }

    @AfterAll
    void stopProxy() throws IOException {
        proxy.close();
    }

    @Test
    void registrationSucceedsDuringTheOutageAndTheSupplierIsFoundOnceElasticsearchIsBack() throws IOException {
        String word = UniqueWords.next();
        proxy.stop();

        TestSuppliers.publish(directory, d -> {
            d.name = "Pendant la panne " + word;
            d.kind = "ACI";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "93010"));
            d.description = "";
        });

        WebClient client = new WebClient(server.getURI());
        long start = System.nanoTime();
        HttpResponse<String> api = client.get("/api/v1/suppliers/search?q=" + word);
        HttpResponse<String> page = client.get("/fournisseurs?q=" + word);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4_000, "both answered within 2 s each");
        assertEquals(503, api.statusCode());
        assertTrue(api.body().contains("\"degraded\":true"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("momentanément indisponible"));

        proxy.start();
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false,
            SearchQuery.Sort.RELEVANCE, 1, 20)).total() == 1, Duration.ofSeconds(30));
    }
}
