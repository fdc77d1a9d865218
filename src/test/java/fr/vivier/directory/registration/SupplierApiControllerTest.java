package fr.vivier.directory.registration;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierApiControllerTest implements IntegrationTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.forms.max-per-ip-per-hour", "1000");
    }

    static String body(String siret, String email) {
        return """
            {"siret":"%s","name":"Atelier Textile de l'Ourcq","tradeName":"ATO","legalForm":"SCOP","size":"TPE","kind":"COOPERATIVE",
             "communeCode":"93048","interventionArea":[{"type":"EPCI","code":"200057875"},{"type":"DEPARTEMENT","code":"93"}],
             "sectors":["textile-confection"],"labels":[{"code":"qualiopi","proof":"https://example.org/certificat","expiresOn":"2030-01-31"}],
             "description":"Retouche et confection.","offers":["Confection de tenues"],"website":"atelier.example.org",
             "contact":{"name":"Dominique Durand","role":"Gérante","email":"%s","phone":"01 23 45 67 89"},
             "consents":{"publishContact":true,"recontact":true,"alerts":false},
             "recontactRequest":{"topic":"Marchés de vêtements de travail","message":"Nous produisons localement."}}
            """.formatted(siret, email);
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/suppliers"))
            .header("Content-Type", contentType).timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + path)).timeout(Duration.ofSeconds(20)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registersThroughJsonWith201AndLocation() throws Exception {
        String siret = Sirets.next();
        HttpResponse<String> response = post("application/json", body(siret, "api-" + UUID.randomUUID() + "@test.vivier.example"));
        assertEquals(201, response.statusCode(), response.body());
        String location = response.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith("/api/v1/suppliers/"));
        assertTrue(response.body().contains("\"status\":\"PENDING\""));
        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        assertEquals("https://atelier.example.org", supplier.website());
        assertEquals(404, get(location).statusCode(), "not published yet");
    }

    @Test
    void publishedProfileHasNoContactData() throws Exception {
        String siret = Sirets.next();
        String email = "api-" + UUID.randomUUID() + "@test.vivier.example";
        HttpResponse<String> created = post("application/json", body(siret, email));
        Supplier supplier = directory.findBySiret(siret).orElseThrow();
        directory.changeStatus(supplier.id(), SupplierStatus.PUBLISHED, null, "test");
        HttpResponse<String> profile = get(created.headers().firstValue("location").orElseThrow());
        assertEquals(200, profile.statusCode());
        assertTrue(profile.body().contains("\"name\":\"Atelier Textile de l'Ourcq\""));
        assertTrue(profile.body().contains("\"state\":\"UNVERIFIED\""));
        assertFalse(profile.body().contains(email));
        assertFalse(profile.body().contains("Durand"));
    }

    @Test
    void invalidBodyGives400WithFrenchFieldErrors() throws Exception {
        String body = body("12345678901234", "pas-un-email").replace("textile-confection", "inconnu").replace("2030-01-31", "2001-01-01");
        HttpResponse<String> response = post("application/json", body);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("{\"field\":\"siret\",\"message\":\"Ce numéro SIRET n’est pas valide : sa clé de contrôle"), response.body());
        assertTrue(response.body().contains("\"field\":\"contact.email\""));
        assertTrue(response.body().contains("\"field\":\"sectors\""));
        assertTrue(response.body().contains("\"field\":\"labels[0].expiresOn\""));
    }

    @Test
    void alreadyRegisteredSiretGives409() throws Exception {
        String siret = Sirets.next();
        assertEquals(201, post("application/json", body(siret, "a-" + UUID.randomUUID() + "@test.vivier.example")).statusCode());
        assertEquals(409, post("application/json", body(siret, "b-" + UUID.randomUUID() + "@test.vivier.example")).statusCode());
    }

    @Test
    void formEncodedOrTextPlainPostsAreRefused() throws Exception {
        // without a session's CSRF token, the filter refuses them before the route says it only reads JSON
        HttpResponse<String> formEncoded = post("application/x-www-form-urlencoded", "siret=1");
        assertEquals(403, formEncoded.statusCode());
        assertTrue(formEncoded.body().contains("\"message\""), formEncoded.body());
        assertEquals(403, post("text/plain", body(Sirets.next(), "c@test.vivier.example")).statusCode());
    }

    @Test
    void malformedJsonGives400NotA500() throws Exception {
        HttpResponse<String> response = post("application/json", "{\"siret\": [1, 2,");
        assertEquals(400, response.statusCode(), response.body());
        HttpResponse<String> wrongType = post("application/json", "{\"consents\": \"oui\"}");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("\"field\":\"consents\""), wrongType.body());
    }

    @Test
    void aLoneSurrogateIsRefusedLikeAControlCharacter() throws Exception {
        String body = body(Sirets.next(), "d-" + UUID.randomUUID() + "@test.vivier.example")
            .replace("Atelier Textile de l'Ourcq", "Atelier \\ud800 cassé");
        HttpResponse<String> response = post("application/json", body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"name\""), response.body());
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithAFrenchMessage() throws Exception {
        String siret = Sirets.next();
        String body = body(siret, "e-" + UUID.randomUUID() + "@test.vivier.example")
            .replace("\"name\":\"Atelier Textile de l'Ourcq\",", "\"name\":\"Atelier Textile de l'Ourcq\",\"name\":\"Autre nom\",");
        HttpResponse<String> response = post("application/json", body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"name\"") && response.body().contains("deux fois"), response.body());
        assertTrue(directory.findBySiret(siret).isEmpty());
    }

    @Test
    void aConsentMustBeTheJsonValueTrueNotAOne() throws Exception {
        String siret = Sirets.next();
        String body = body(siret, "f-" + UUID.randomUUID() + "@test.vivier.example").replace("\"publishContact\":true", "\"publishContact\":1");
        HttpResponse<String> response = post("application/json", body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"consents.publishContact\""), response.body());
        assertTrue(directory.findBySiret(siret).isEmpty());
    }

    @Test
    void textFieldsRefuseBooleansAndNumbers() throws Exception {
        String siret = Sirets.next();
        String body = body(siret, "g-" + UUID.randomUUID() + "@test.vivier.example").replace("\"name\":\"Atelier Textile de l'Ourcq\"", "\"name\":true");
        HttpResponse<String> response = post("application/json", body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"name\"") && response.body().contains("chaîne de caractères"), response.body());
        assertTrue(directory.findBySiret(siret).isEmpty());
    }

    @Test
    void unknownSupplierGives404() throws Exception {
        assertEquals(404, get("/api/v1/suppliers/999999999").statusCode());
    }
}
