package fr.vivier.programming;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusImportControllerTest implements IntegrationTest {
    private static final String PATH = "/agents/import-programmation";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    private HttpResponse<String> upload(WebClient browser, String fileName, byte[] file) throws IOException, InterruptedException {
        String boundary = "vivier-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + browser.csrfToken() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + fileName + "\""
            + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + PATH))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", "SESSION=" + browser.cookie("SESSION"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staffPreviewsThenImportsTheCensusAndSeesTheReportPerLine() throws Exception {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(email, TestAccounts.PASSWORD);
        assertEquals(200, staff.get(PATH).statusCode());
        HttpResponse<String> template = staff.get(PATH + "/modele.csv");
        assertTrue(template.body().contains("annee;reference;objet;montant_estime_ht"));

        String reference = TestLines.newReference();
        byte[] file = ("annee;reference;objet;montant_estime_ht;direction;secteurs;trimestre;lieux_execution\n"
            + "2027;" + reference + ";Entretien des fontaines;42000;Direction de l’eau;environnement-eau;2;93010\n"
            + "2027;BAD-2;<script>x</script>;abc;Direction de l’eau;environnement-eau;2;93010\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = upload(staff, "recensement.csv", file);
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("Aperçu, rien n’est encore enregistré : 1 créée(s)"), preview.body());
        assertTrue(preview.body().contains("montant_estime_ht : Le montant doit être un nombre"));
        assertTrue(!preview.body().contains("<script>x</script>"));
        Document page = Jsoup.parse(preview.body());
        HttpResponse<String> imported = staff.post(PATH + "/confirmation", Map.of(
            "contenu", page.selectFirst("input[name=contenu]").val(), "empreinte", page.selectFirst("input[name=empreinte]").val()));
        assertEquals(200, imported.statusCode());
        assertTrue(imported.body().contains("Import terminé : 1 créée(s)"), imported.body());

        HttpResponse<String> forged = staff.post(PATH + "/confirmation", Map.of(
            "contenu", page.selectFirst("input[name=contenu]").val(), "empreinte", "0".repeat(64)));
        assertEquals(422, forged.statusCode());
        staff.get(PATH);
        HttpResponse<String> picture = upload(staff, "photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00});
        assertEquals(422, picture.statusCode());
        assertTrue(Jsoup.parse(picture.body()).selectFirst("#erreur-fichier").text().contains("CSV"));
    }
}
