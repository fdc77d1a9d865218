package fr.vivier.web.session;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.RawHttpConnection;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A state-changing request from another site never acts on behalf of a signed-in user. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfFilterTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    private WebClient signedInBuyer() {
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD).statusCode());
        return browser;
    }

    private RawHttpConnection.Response post(WebClient browser, String path, String contentType, String body, Map<String, String> extra)
        throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.getURI(), 10_000)) {
            Map<String, String> headers = new java.util.HashMap<>(extra);
            headers.put("Cookie", "SESSION=" + browser.cookie("SESSION"));
            return connection.post(path, headers, contentType, body, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPLICATION/X-WWW-FORM-URLENCODED", "Application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8"})
    void formWithoutTokenIsRefusedWhateverTheLetterCaseOfItsMediaType(String contentType) throws Exception {
        WebClient buyer = signedInBuyer();
        String name = "Liste " + UUID.randomUUID();

        RawHttpConnection.Response response = post(buyer, "/favoris", contentType, "name=" + name.replace(' ', '+'), Map.of());

        assertEquals(403, response.status());
        assertTrue(response.body().contains("Le formulaire a expiré"));
        assertFalse(buyer.get("/favoris").body().contains(name), "the list must not have been created");
    }

    @Test
    void signOutWithoutTokenIsRefusedAndTheUserStaysSignedIn() throws Exception {
        WebClient buyer = signedInBuyer();

        assertEquals(403, post(buyer, "/deconnexion", "Application/x-www-form-urlencoded", "", Map.of()).status());

        assertEquals(200, buyer.get("/favoris").statusCode());
    }

    @Test
    void unknownOrMissingMediaTypesNeedTheTokenToo() throws Exception {
        WebClient buyer = signedInBuyer();
        assertEquals(403, post(buyer, "/favoris", "application/octet-stream", "name=x", Map.of()).status());
        assertEquals(403, post(buyer, "/favoris", "text/plain", "name=x", Map.of()).status());
    }

    @Test
    void aMultipartPostReachesOnlyRoutesThatCheckTheTokenOfTheirBody() throws Exception {
        WebClient buyer = signedInBuyer();
        buyer.get("/favoris");
        String body = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nListe\r\n--b--\r\n";
        assertEquals(403, post(buyer, "/favoris?_csrf=" + buyer.csrfToken(), "multipart/form-data; boundary=b", body, Map.of()).status(),
            "a token in the URL is no longer accepted");
    }

    @Test
    void aForeignOriginIsRefusedEvenWithAValidToken() throws Exception {
        WebClient buyer = signedInBuyer();
        buyer.get("/favoris");
        String name = "Liste " + UUID.randomUUID();
        String body = "_csrf=" + buyer.csrfToken() + "&name=" + name.replace(' ', '+');

        RawHttpConnection.Response foreign = post(buyer, "/favoris", "application/x-www-form-urlencoded", body,
            Map.of("Origin", "https://vivier.attaquant.example"));
        RawHttpConnection.Response own = post(buyer, "/favoris", "application/x-www-form-urlencoded", body,
            Map.of("Origin", server.getURI().toString().replaceAll("/$", "")));

        assertEquals(403, foreign.status());
        assertEquals(303, own.status());
        assertEquals(1, buyer.get("/favoris").body().split(name, -1).length - 1, "only the request from the portal's own origin acted");
    }
}
