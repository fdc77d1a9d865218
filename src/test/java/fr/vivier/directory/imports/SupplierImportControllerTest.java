package fr.vivier.directory.imports;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.vivier.directory.imports.SupplierCsvTest.fixture;
import static fr.vivier.directory.imports.SupplierCsvTest.freshValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierImportControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    DirectoryService directory;

    private WebClient signedIn(Role role) {
        WebClient client = new WebClient(server.getURI());
        client.signIn(TestAccounts.create(accounts, role), TestAccounts.PASSWORD);
        return client;
    }

    /** Submits the upload form of /agents/import like a browser: multipart, to the form's own action (which carries the CSRF token). */
    private HttpResponse<String> upload(WebClient client, String fileName, byte[] content) {
        Element form = client.page("/agents/import").selectFirst("form[enctype=multipart/form-data]");
        assertNotNull(form);
        assertFalse(form.attr("action").contains("_csrf"), "the token travels in the body, never in the URL");
        return client.upload(form.attr("action"), form.selectFirst("input[name=_csrf]").val(), fileName, "text/csv", content);
    }

    /** Posts the preview page's confirmation form with its hidden fields. */
    private HttpResponse<String> confirm(WebClient client, Document preview) {
        Element form = preview.selectFirst("form[action=/agents/import/confirmation]");
        assertNotNull(form, "the preview offers a confirmation");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        return client.post("/agents/import/confirmation", fields);
    }

    private static List<List<String>> errorRows(Document page) {
        return page.select("#erreurs tbody tr").stream()
            .map(row -> row.select("td").stream().map(Element::text).toList()).toList();
    }

    private static boolean hasErrorRow(Document page, String line, String column, String reasonPart) {
        return errorRows(page).stream().anyMatch(r -> r.get(0).equals(line) && r.get(1).equals(column) && r.get(2).contains(reasonPart));
    }

    @Test
    void staffPreviewsTheFileThenImportsExactlyTheGoodLinesThenReimportingChangesNothing() {
        Map<String, String> values = freshValues();
        byte[] file = fixture("fournisseurs-melange.csv", values);
        WebClient staff = signedIn(Role.STAFF);

        HttpResponse<String> previewResponse = upload(staff, "liste-ville.csv", file);
        assertEquals(200, previewResponse.statusCode(), previewResponse.body());
        Document preview = Jsoup.parse(previewResponse.body());
        assertEquals("2", preview.selectFirst("#nombre-a-importer").text());
        assertEquals("7", preview.selectFirst("#nombre-en-erreur").text());
        assertEquals("0", preview.selectFirst("#nombre-deja-presentes").text());
        assertTrue(hasErrorRow(preview, "3", "siret", "n’est pas valide : sa clé de contrôle"), errorRows(preview).toString());
        assertTrue(hasErrorRow(preview, "4", "secteurs", "Secteur inconnu"), errorRows(preview).toString());
        assertTrue(hasErrorRow(preview, "5", "raison_sociale", "Saisissez la raison sociale"), errorRows(preview).toString());
        assertTrue(hasErrorRow(preview, "6", "contact_email", "Adresse électronique invalide"), errorRows(preview).toString());
        assertTrue(hasErrorRow(preview, "7", "raison_sociale", "caractères non autorisés"), errorRows(preview).toString());
        assertTrue(hasErrorRow(preview, "8", "siret", "13"), errorRows(preview).toString());
        assertTrue(hasErrorRow(preview, "11", "siret", "ligne 2"), errorRows(preview).toString());
        assertTrue(previewResponse.body().contains("Les Jardins &lt;b&gt;Solidaires&lt;/b&gt; &amp; Cie"), "HTML is shown escaped");
        assertEquals(2, preview.select("#a-importer tbody tr").size());
        assertTrue(directory.findBySiret(values.get("A")).isEmpty(), "the preview saves nothing");

        HttpResponse<String> reportResponse = confirm(staff, preview);
        assertEquals(200, reportResponse.statusCode(), reportResponse.body());
        Document report = Jsoup.parse(reportResponse.body());
        assertEquals("2 structures importées", report.selectFirst("#nombre-importees").text());
        assertEquals(9, report.select("#rapport tbody tr").size(), "one row per line of the file");
        assertTrue(report.select("#rapport tbody tr").get(0).text().contains("importée"));
        assertTrue(report.select("#rapport tbody tr").get(1).text().contains("en erreur"));
        Supplier imported = directory.findBySiret(values.get("A")).orElseThrow();
        assertEquals("Les Jardins <b>Solidaires</b> & Cie", imported.name());
        assertTrue(directory.history(imported.id()).get(0).actor().startsWith("import CSV (Test "));
        assertTrue(directory.findBySiret(values.get("B")).isPresent());
        assertTrue(directory.findBySiret(values.get("C")).isEmpty());

        Document secondPreview = Jsoup.parse(upload(staff, "liste-ville.csv", file).body());
        assertEquals("0", secondPreview.selectFirst("#nombre-a-importer").text());
        assertEquals("2", secondPreview.selectFirst("#nombre-deja-presentes").text());
        assertTrue(secondPreview.selectFirst("#deja-presentes").text().contains("déjà présente, ignorée"));
        assertTrue(secondPreview.select("form[action=/agents/import/confirmation]").isEmpty(), "nothing left to confirm");

        HttpResponse<String> confirmedTwice = confirm(staff, preview);
        assertEquals(200, confirmedTwice.statusCode());
        assertEquals("0 structure importée", Jsoup.parse(confirmedTwice.body()).selectFirst("#nombre-importees").text());
    }

    @Test
    void aCommaSeparatedFileWithABomIsImportedThroughThePages() {
        Map<String, String> values = freshValues();
        WebClient admin = signedIn(Role.ADMIN);
        Document preview = Jsoup.parse(upload(admin, "virgule.csv", fixture("fournisseurs-virgule-bom.csv", values)).body());
        assertEquals("1", preview.selectFirst("#nombre-a-importer").text());
        assertEquals(200, confirm(admin, preview).statusCode());
        assertEquals("Atelier Virgule, Bom et Fils", directory.findBySiret(values.get("A")).orElseThrow().name());
    }

    @Test
    void aFileWithAWrongHeaderIsRefusedWithTheMessageNextToTheField() {
        WebClient staff = signedIn(Role.STAFF);
        HttpResponse<String> response = upload(staff, "entete.csv", fixture("fournisseurs-mauvais-entete.csv", freshValues()));
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.selectFirst("#erreur-fichier").text().contains("« couleur_preferee »"));
        assertNotNull(page.selectFirst("#resume-erreurs a[href=#champ-fichier]"));
        assertTrue(page.title().startsWith("Erreur"));
    }

    @Test
    void anEmptyUploadAsksForAFile() {
        WebClient staff = signedIn(Role.STAFF);
        HttpResponse<String> response = upload(staff, "", new byte[0]);
        assertEquals(422, response.statusCode());
        assertEquals(SupplierImportController.NO_FILE, Jsoup.parse(response.body()).selectFirst("#erreur-fichier").text());
    }

    @Test
    void anUploadOverTheRequestLimitGetsAFrenchErrorNot500() {
        WebClient staff = signedIn(Role.STAFF);
        byte[] big = new byte[SupplierCsv.MAX_BYTES + 200_000];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> response = upload(staff, "gros.csv", big);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(SupplierImportController.TOO_BIG, Jsoup.parse(response.body()).selectFirst("#erreur-fichier").text());
    }

    @Test
    void aTamperedConfirmationImportsNothing() {
        Map<String, String> values = freshValues();
        WebClient staff = signedIn(Role.STAFF);
        Document preview = Jsoup.parse(upload(staff, "virgule.csv", fixture("fournisseurs-virgule-bom.csv", values)).body());
        preview.selectFirst("input[name=empreinte]").attr("value", "0".repeat(64));
        HttpResponse<String> response = confirm(staff, preview);
        assertEquals(422, response.statusCode());
        assertEquals(SupplierImportController.LOST_CONTENT, Jsoup.parse(response.body()).selectFirst("#erreur-fichier").text());
        assertTrue(directory.findBySiret(values.get("A")).isEmpty());
    }

    @Test
    void aSwappedFileWithItsOwnSha256IsNotImported() throws Exception {
        Map<String, String> previewed = freshValues();
        Map<String, String> swapped = freshValues();
        WebClient staff = signedIn(Role.STAFF);
        Document preview = Jsoup.parse(upload(staff, "virgule.csv", fixture("fournisseurs-virgule-bom.csv", previewed)).body());
        byte[] other = fixture("fournisseurs-virgule-bom.csv", swapped);
        preview.selectFirst("input[name=contenu]").attr("value", SupplierImportConfirmation.pack(other));
        preview.selectFirst("input[name=empreinte]").attr("value",
            java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(other)));
        HttpResponse<String> response = confirm(staff, preview);
        assertEquals(422, response.statusCode());
        assertTrue(directory.findBySiret(swapped.get("A")).isEmpty(), "only the previewed file can be imported");
        assertTrue(directory.findBySiret(previewed.get("A")).isEmpty());
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        WebClient staff = signedIn(Role.STAFF);
        staff.get("/agents/import");
        HttpResponse<String> response = staff.upload("/agents/import", null, "virgule.csv", "text/csv",
            fixture("fournisseurs-virgule-bom.csv", freshValues()));
        assertEquals(403, response.statusCode());
    }

    @Test
    void onlyStaffAndAdministratorsReachTheImport() {
        WebClient buyer = signedIn(Role.BUYER);
        assertEquals(403, buyer.get("/agents/import").statusCode());
        buyer.get("/");
        HttpResponse<String> upload = buyer.upload("/agents/import", buyer.csrfToken(), "virgule.csv", "text/csv",
            fixture("fournisseurs-virgule-bom.csv", freshValues()));
        assertEquals(403, upload.statusCode());
        assertEquals(403, buyer.post("/agents/import/confirmation", Map.of("contenu", "x", "empreinte", "y")).statusCode());

        HttpResponse<String> anonymous = new WebClient(server.getURI()).get("/agents/import");
        assertEquals(303, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("location").orElse("").startsWith("/connexion"));
        assertFalse(signedIn(Role.STAFF).page("/agents/import").select("a[href=/static/modeles/fournisseurs.csv]").isEmpty());
    }

    @Test
    void theModelFileIsServed() {
        HttpResponse<String> model = new WebClient(server.getURI()).get("/static/modeles/fournisseurs.csv");
        assertEquals(200, model.statusCode());
        assertTrue(model.body().startsWith(SupplierCsv.header(';')));
    }
}
