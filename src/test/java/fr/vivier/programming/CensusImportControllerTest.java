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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    @Inject
    CensusImportJobRepository jobs;
    @Inject
    Clock clock;

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

    private static HttpResponse<String> confirm(WebClient staff, Document preview) {
        return staff.post(PATH + "/confirmation", Map.of(
            "contenu", preview.selectFirst("input[name=contenu]").val(), "empreinte", preview.selectFirst("input[name=empreinte]").val()));
    }

    /** Follows the confirmation to the progress page and reads it again, as its refresh does, until the report shows. */
    private static HttpResponse<String> finished(WebClient staff, HttpResponse<String> confirmation) throws InterruptedException {
        assertEquals(303, confirmation.statusCode(), confirmation.body());
        String progressPage = confirmation.headers().firstValue("Location").orElseThrow();
        assertTrue(progressPage.startsWith(PATH + "/suivi/"), progressPage);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            HttpResponse<String> page = staff.get(progressPage);
            assertEquals(200, page.statusCode());
            if (Jsoup.parse(page.body()).selectFirst("meta[http-equiv=refresh]") == null) {
                return page;
            }
            assertTrue(System.nanoTime() < deadline, "l’import n’a pas fini en trois minutes");
            Thread.sleep(CensusImportController.REFRESH_SECONDS * 1000L);
        }
    }

    @Test
    void staffPreviewsThenImportsTheCensusAndSeesTheReportPerLine() throws Exception {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(email, TestAccounts.PASSWORD);
        assertEquals(200, staff.get(PATH).statusCode());
        HttpResponse<String> template = staff.get(PATH + "/modele.csv");
        assertTrue(template.body().contains("annee;reference;objet;montant_estime_ht"));
        assertTrue(template.body().contains(";lot_objet;lot_secteur;lot_montant_ht"));
        HttpResponse<String> templatePreview = upload(staff, "modele.csv", template.body().getBytes(StandardCharsets.UTF_8));
        Document templateReport = Jsoup.parse(templatePreview.body());
        assertTrue(templateReport.selectFirst("[role=status]").text().endsWith(" 0 refusée(s)."), "le modèle s’importe tel quel : " + templatePreview.body());
        assertEquals(List.of("ENV-2027-01 — lot 1", "ENV-2027-01 — lot 2"), templateReport.select("table.tableau tbody tr td:eq(1)").eachText());
        staff.get(PATH);

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
        HttpResponse<String> imported = finished(staff, confirm(staff, page));
        assertTrue(imported.body().contains("Import terminé : 1 créée(s)"), imported.body());

        staff.get(PATH);
        HttpResponse<String> forged = staff.post(PATH + "/confirmation", Map.of(
            "contenu", page.selectFirst("input[name=contenu]").val(), "empreinte", "0".repeat(64)));
        assertEquals(422, forged.statusCode());
        staff.get(PATH);
        HttpResponse<String> picture = upload(staff, "photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00});
        assertEquals(422, picture.statusCode());
        assertTrue(Jsoup.parse(picture.body()).selectFirst("#erreur-fichier").text().contains("CSV"));
    }

    @Test
    void aCensusOfTwoThousandLinesRunsInTheBackgroundAndEndsWithTheReportOfEveryLine() throws Exception {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(email, TestAccounts.PASSWORD);
        staff.get(PATH);
        String prefix = TestLines.newReference();
        StringBuilder file = new StringBuilder("annee;reference;objet;montant_estime_ht;direction;secteurs;trimestre;lieux_execution\n");
        for (int i = 1; i <= 2000; i++) {
            String amount = i % 200 == 0 ? "-1" : String.valueOf(1000 + i);
            file.append("2029;").append(prefix).append('-').append(i).append(";Besoin recensé n° ").append(i).append(';').append(amount)
                .append(";Direction des bâtiments;proprete-vitrerie;").append(i % 4 + 1).append(";93010\n");
        }
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = upload(staff, "recensement-2029.csv", content);
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("Aperçu, rien n’est encore enregistré : 1990 créée(s)"), preview.body());

        long started = System.nanoTime();
        HttpResponse<String> report = finished(staff, confirm(staff, Jsoup.parse(preview.body())));
        System.out.printf("import du recensement de 2 000 lignes : %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        Document page = Jsoup.parse(report.body());
        assertTrue(page.selectFirst("[role=status]").text().contains("Import terminé : 1990 créée(s), 0 mise(s) à jour, 0 inchangée(s), 10 refusée(s)."),
            page.selectFirst("[role=status]").text());
        assertEquals(2000, page.select("table.tableau tbody tr").size());
        var refused = page.select("table.tableau tbody tr:contains(Refusée)");
        assertEquals(10, refused.size());
        assertEquals("201", refused.get(0).selectFirst("td").text(), "la ligne 201 du fichier porte la 200e ligne de données");
        assertTrue(refused.get(0).text().contains("montant_estime_ht : Le montant ne peut pas être négatif."), refused.get(0).text());

        HttpResponse<String> again = finished(staff, confirm(staff, Jsoup.parse(upload(staff, "recensement-2029.csv", content).body())));
        assertTrue(Jsoup.parse(again.body()).selectFirst("[role=status]").text()
            .contains("Import terminé : 0 créée(s), 0 mise(s) à jour, 1990 inchangée(s), 10 refusée(s)."), again.body());
    }

    @Test
    void theProgressPageOfARunningImportSaysHowManyLinesAreDoneRefreshesItselfAndAnotherImportWaits() throws Exception {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(email, TestAccounts.PASSWORD);
        long id = jobs.open(TestLines.staff(), clock.instant(), CensusImportJobs.STALE).orElseThrow();
        try {
            jobs.started(id, 2000, clock.instant());
            jobs.decided(id, List.of(new CensusImport.RowReport(2, "REF-1", null, true, CensusImport.Outcome.CREATED, List.of()),
                new CensusImport.RowReport(3, "REF-2", null, true, CensusImport.Outcome.CREATED, List.of())), clock.instant());
            Document page = staff.page(PATH + "/suivi/" + id);
            assertEquals("Import en cours : 2 lignes sur 2 000 traitées.", page.selectFirst("[role=status]").text());
            assertEquals(String.valueOf(CensusImportController.REFRESH_SECONDS), page.selectFirst("meta[http-equiv=refresh]").attr("content"));
            assertEquals("Actualiser maintenant", page.selectFirst("a[href=" + PATH + "/suivi/" + id + "]").text());
            Document still = staff.page(PATH + "/suivi/" + id + "?auto=non");
            assertEquals(null, still.selectFirst("meta[http-equiv=refresh]"), "la mise à jour automatique peut être arrêtée");
            assertEquals("Import en cours : 2 lignes sur 2 000 traitées.", still.selectFirst("[role=status]").text());
            assertEquals("Reprendre la mise à jour automatique", still.selectFirst("a[href=" + PATH + "/suivi/" + id + "]").text());

            String reference = TestLines.newReference();
            HttpResponse<String> preview = upload(staff, "recensement.csv", ("annee;reference;objet;montant_estime_ht;direction;secteurs;"
                + "trimestre;lieux_execution\n2027;" + reference + ";Tonte;1000;Direction des parcs;espaces-verts-entretien;1;93010\n")
                .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> busy = confirm(staff, Jsoup.parse(preview.body()));
            assertEquals(409, busy.statusCode());
            assertEquals(CensusImportController.BUSY, Jsoup.parse(busy.body()).selectFirst("#erreur-fichier").text());
        } finally {
            jobs.finished(id, CensusImportJobRepository.State.DONE, null, clock.instant());
        }
        assertEquals(null, staff.page(PATH + "/suivi/" + id).selectFirst("meta[http-equiv=refresh]"));
        assertEquals(404, staff.get(PATH + "/suivi/999999999").statusCode());
    }
}
