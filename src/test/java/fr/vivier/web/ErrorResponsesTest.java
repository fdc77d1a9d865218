package fr.vivier.web;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error answers in French, as a page on the site and as JSON on the API, with the headers of any page. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.getURI() + path);
    }

    @Test
    void aNulCharacterInAProfileAddressIsANotFoundPage() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/fournisseurs/%00");
        assertEquals(404, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("Page introuvable", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("main a[href^=mailto:]").attr("href").contains("@"), "the authority's address to write to");
        assertEquals("Retourner à l’accueil", page.selectFirst("main .actions a[href=/]").text());
    }

    @Test
    void anUnreadableParameterOnAPageGivesTheFrenchPageNotEnglishJson() {
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD).statusCode());
        HttpResponse<String> response = buyer.get("/favoris?page=abc");
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertEquals("Requête invalide", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("main a[href^=mailto:]").attr("href").contains("@"), "the authority's address to write to");
        assertTrue(response.headers().firstValue("content-security-policy").isPresent());
    }

    @Test
    void apiErrorsAreFrenchJson() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/v1/rien")).GET());
        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"Ressource introuvable.\"}", missing.body());

        HttpResponse<String> notAcceptable = send(HttpRequest.newBuilder(uri("/api/v1/reference/sectors")).header("Accept", "application/xml").GET());
        assertEquals(406, notAcceptable.statusCode());
        assertEquals("{\"message\":\"Le format de réponse demandé n’est pas disponible.\"}", notAcceptable.body());

        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(uri("/api/v1/suppliers/search?page=abc")).GET());
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().startsWith("{"), wrongType.body());
        assertFalse(wrongType.body().contains("Failed to convert"), "no English framework message: " + wrongType.body());
    }

    @Test
    void theSignInRedirectAndTheRefusalPageCarryTheSecurityHeaders() {
        HttpResponse<String> redirect = new WebClient(server.getURI()).get("/agents/fiches");
        assertEquals(303, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("content-security-policy").isPresent());
        assertEquals("nosniff", redirect.headers().firstValue("x-content-type-options").orElseThrow());

        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD).statusCode());
        HttpResponse<String> refused = buyer.get("/agents/fiches");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("content-security-policy").isPresent());
        assertEquals("no-store", refused.headers().firstValue("cache-control").orElseThrow());
    }
}
