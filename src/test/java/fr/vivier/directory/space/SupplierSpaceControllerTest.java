package fr.vivier.directory.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierView;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierSpaceControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.trusted-proxies", "127.0.0.1,::1", "vivier.forms.max-per-ip-per-hour", "3");
    }

    private WebClient browser() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new WebClient(server.getURI()).header("X-Forwarded-For", "10.7." + random.nextInt(250) + "." + random.nextInt(250));
    }

    private static HttpResponse<String> requestLink(WebClient browser, String siret, String email) {
        browser.get("/mon-profil");
        return browser.post("/mon-profil", Map.of("siret", siret, "email", email));
    }

    /** Opens the supplier space like a person following the link of the mail. */
    private WebClient openSpace(SupplierFixtures.Registered registered) {
        WebClient browser = browser();
        int before = (int) SupplierFixtures.profileLinkMails(registered.email());
        requestLink(browser, registered.siret(), registered.email());
        String link = SupplierFixtures.awaitProfileLink(registered.email(), before + 1);
        HttpResponse<String> opened = SupplierFixtures.openLink(browser, link);
        assertEquals(303, opened.statusCode());
        assertEquals("/mon-profil/fiche", opened.headers().firstValue("location").orElseThrow());
        return browser;
    }

    @Test
    void theWholeJourneyFromTheLinkRequestToTheErasure() throws Exception {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        WebClient browser = browser();

        assertTrue(browser.page("/mon-profil").selectFirst("form[action=/mon-profil] input[name=siret]") != null);
        String typedSiret = registered.siret().substring(0, 3) + " " + registered.siret().substring(3);
        HttpResponse<String> requested = requestLink(browser, typedSiret, registered.email().toUpperCase());
        assertEquals(303, requested.statusCode());
        assertEquals("/mon-profil/lien-demande", requested.headers().firstValue("location").orElseThrow());
        assertTrue(browser.page("/mon-profil/lien-demande").text().contains("ces informations correspondent à une fiche, un lien vient d’être envoyé"));

        String link = SupplierFixtures.awaitProfileLink(registered.email(), 1);
        Document confirmation = browser.page(link);
        assertTrue(confirmation.text().contains("Jardins du Canal"), "the link names the structure it opens");
        assertNotNull(confirmation.selectFirst("form[method=post] button"));
        String anonymousSession = browser.cookie("SESSION");
        HttpResponse<String> opened = browser.post(link, Map.of());
        assertEquals(303, opened.statusCode());
        assertEquals("/mon-profil/fiche", opened.headers().firstValue("location").orElseThrow());
        assertNotNull(browser.cookie("SESSION"));
        assertFalse(browser.cookie("SESSION").equals(anonymousSession), "the link opens a new session");

        Document profile = browser.page("/mon-profil/fiche");
        assertTrue(profile.selectFirst("h1").text().contains("Jardins du Canal"));
        assertTrue(profile.text().contains("Publiée"));
        assertTrue(profile.text().contains(registered.email()));
        assertTrue(profile.selectFirst("#titre-offres").parent().text().contains("Tonte et débroussaillage"), "the whole profile is shown");
        assertTrue(profile.selectFirst("#titre-references").parent().text().contains("Ville de Bondy (2024) — Entretien des parcs"));
        assertTrue(profile.selectFirst("#titre-zone").parent().text().contains("Commune : Bondy (93)"));

        Document edit = browser.page("/mon-profil/fiche/modifier");
        Map<String, String> form = formOf(edit);
        assertEquals("Les Jardins du Canal", form.get("name"));
        assertEquals("Bondy", form.get("communeQuery"));
        assertEquals("on", form.get("areaOwnCommune"));
        assertEquals("on", form.get("areaOwnDepartement"));
        assertEquals("espaces-verts-entretien", form.get("sectors"));
        assertEquals("Ville de Bondy", form.get("referenceClient"));
        assertEquals("agrement-esus", form.get("labelCode"));
        assertEquals("ESUS-2025-001", form.get("labelProof"));
        assertEquals("2099-12-31", form.get("labelExpiresOn"));
        assertEquals("on", form.get("consentRecontact"));
        assertNull(form.get("consentAlerts"));

        form.put("description", "Nouvelle présentation <b>en gras</b>");
        form.put("contactEmail", "pas-une-adresse");
        HttpResponse<String> refused = browser.post("/mon-profil/fiche/modifier", form);
        assertEquals(422, refused.statusCode());
        Document refusedPage = Jsoup.parse(refused.body());
        assertNotNull(refusedPage.selectFirst("#erreur-contactEmail"));
        assertNotNull(refusedPage.selectFirst(".resume-erreurs a[href=#champ-contactEmail]"));
        assertEquals("pas-une-adresse", refusedPage.selectFirst("input[name=contactEmail]").val());
        assertEquals("Nouvelle présentation <b>en gras</b>", refusedPage.selectFirst("textarea[name=description]").text());
        assertEquals(registered.email(), directory.view(directory.find(registered.id()).orElseThrow()).contact().email(),
            "nothing is saved on error");

        form.put("contactEmail", registered.email());
        form.put("contactPhone", "09 87 65 43 21");
        HttpResponse<String> updated = browser.post("/mon-profil/fiche/modifier", formOf(refusedPage, form));
        assertEquals(303, updated.statusCode());
        assertTrue(browser.page(updated.headers().firstValue("location").orElseThrow()).text()
            .contains("Votre fiche est mise à jour ; elle sera relue par un agent"));
        Supplier afterUpdate = directory.find(registered.id()).orElseThrow();
        assertEquals("Nouvelle présentation <b>en gras</b>", afterUpdate.description());
        assertTrue(afterUpdate.reviewNeeded());
        assertEquals(registered.siret(), afterUpdate.siret());
        assertEquals("09 87 65 43 21", directory.view(afterUpdate).contact().phone());

        browser.get("/mon-profil/fiche");
        HttpResponse<String> withdrawn = browser.post("/mon-profil/fiche/consentements/RECONTACT/retrait", Map.of());
        assertEquals(303, withdrawn.statusCode());
        assertEquals(Set.of(ConsentKind.PUBLISH_CONTACT), directory.activeConsents(registered.id()));

        HttpResponse<String> download = browser.get("/mon-profil/donnees.json");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        assertTrue(download.headers().firstValue("content-disposition").orElseThrow().startsWith("attachment"));
        JsonNode data = new ObjectMapper().readTree(download.body());
        assertEquals(registered.email(), data.get("contact").get("email").asText());
        assertEquals(registered.siret(), data.get("structure").get("siret").asText());
        JsonNode recontact = null;
        for (JsonNode consent : data.get("consents")) {
            if ("RECONTACT".equals(consent.get("kind").asText())) {
                recontact = consent;
            }
        }
        assertNotNull(recontact);
        assertFalse(recontact.get("withdrawnAt").isNull(), "the withdrawal is in the export");
        assertTrue(recontact.get("text").asText().startsWith("J’accepte d’être recontacté(e)"));

        assertEquals(200, browser.get("/fournisseurs/" + registered.supplier().slug()).statusCode());
        long outboxBefore = searchOutboxRows(registered.id());
        assertTrue(browser.page("/mon-profil/fiche/suppression").text().contains("définitive"));
        HttpResponse<String> erased = browser.post("/mon-profil/fiche/suppression", Map.of());
        assertEquals(303, erased.statusCode());
        assertEquals("/mon-profil/donnees-effacees", erased.headers().firstValue("location").orElseThrow());
        assertTrue(browser.page("/mon-profil/donnees-effacees").text().contains("Vos données sont effacées"));

        Supplier afterErasure = directory.find(registered.id()).orElseThrow();
        assertEquals(SupplierStatus.ERASED, afterErasure.status());
        assertNull(directory.view(afterErasure).contact());
        assertTrue(directory.activeConsents(registered.id()).isEmpty());
        assertEquals(404, browser().get("/fournisseurs/" + registered.supplier().slug()).statusCode());
        assertTrue(searchOutboxRows(registered.id()) > outboxBefore, "the erasure reaches the search index through the outbox");
        assertTrue(directory.history(registered.id()).stream().anyMatch(entry -> entry.action().equals("EFFACEMENT")));
        HttpResponse<String> afterwards = browser.get("/mon-profil/fiche");
        assertEquals(303, afterwards.statusCode(), "the session ended with the erasure");
        assertEquals("/mon-profil?expiree=1", afterwards.headers().firstValue("location").orElseThrow());
    }

    @Test
    void aLinkServesOnlyOnceThenGives410WithAWayToAskAnother() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        requestLink(browser(), registered.siret(), registered.email());
        String link = SupplierFixtures.awaitProfileLink(registered.email(), 1);
        // a mail scanner or a link preview fetching the link uses nothing up
        assertEquals(200, browser().get(link).statusCode());
        assertEquals(200, browser().get(link).statusCode());
        assertEquals(303, SupplierFixtures.openLink(browser(), link).statusCode());

        HttpResponse<String> again = browser().get(link);
        assertEquals(410, again.statusCode());
        Document page = Jsoup.parse(again.body());
        assertTrue(page.selectFirst("h1").text().contains("n’est plus valable"));
        assertNotNull(page.selectFirst("a[href=/mon-profil]"));
        assertEquals(410, browser().get("/mon-profil/pas-un-lien-valide-du-tout-0123456789").statusCode());
    }

    @Test
    void aWrongSiretOrEmailGivesTheSamePageAndNoMail() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        HttpResponse<String> wrongEmail = requestLink(browser(), registered.siret(), "autre-" + registered.email());
        HttpResponse<String> unknownSiret = requestLink(browser(), Sirets.next(), registered.email());
        WebClient bot = browser();
        bot.get("/mon-profil");
        HttpResponse<String> honeypot = bot.post("/mon-profil", Map.of("siret", registered.siret(), "email", registered.email(),
            "adresseComplementaire", "rempli par un robot"));
        for (HttpResponse<String> response : List.of(wrongEmail, unknownSiret, honeypot)) {
            assertEquals(303, response.statusCode());
            assertEquals("/mon-profil/lien-demande", response.headers().firstValue("location").orElseThrow());
        }

        // mails leave in order: once the right request's mail is there, a mail from the wrong ones would be too
        requestLink(browser(), registered.siret(), registered.email());
        SupplierFixtures.awaitProfileLink(registered.email(), 1);
        assertEquals(1, SupplierFixtures.profileLinkMails(registered.email()));
    }

    @Test
    void anInvalidRequestShowsTheErrorsNextToTheFieldsAndKeepsTheInput() {
        WebClient browser = browser();
        HttpResponse<String> response = requestLink(browser, "1234567890123", "");
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.selectFirst("#erreur-siret").text().contains("14 chiffres"));
        assertNotNull(page.selectFirst("#erreur-email"));
        assertEquals("1234567890123", page.selectFirst("input[name=siret]").val());
        assertTrue(page.title().startsWith("Erreur"));

        HttpResponse<String> luhn = requestLink(browser, "12345678901234", "nom@structure.fr");
        assertEquals(422, luhn.statusCode());
        assertTrue(Jsoup.parse(luhn.body()).selectFirst("#erreur-siret").text().contains("n’est pas valide : sa clé de contrôle"));
    }

    @Test
    void linkRequestsAreRateLimitedPerAddress() {
        WebClient browser = browser();
        for (int i = 0; i < 3; i++) {
            assertEquals(303, requestLink(browser, Sirets.next(), "personne@structure.fr").statusCode());
        }
        HttpResponse<String> refused = requestLink(browser, Sirets.next(), "personne@structure.fr");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("Trop de demandes de lien"));
    }

    @Test
    void theSpaceNeedsTheSessionOpenedByALink() {
        WebClient stranger = browser();
        for (String path : List.of("/mon-profil/fiche", "/mon-profil/fiche/modifier", "/mon-profil/donnees.json",
            "/mon-profil/fiche/suppression")) {
            HttpResponse<String> response = stranger.get(path);
            assertEquals(303, response.statusCode(), path);
            assertEquals("/mon-profil?expiree=1", response.headers().firstValue("location").orElseThrow());
        }
        assertTrue(stranger.page("/mon-profil?expiree=1").text().contains("Votre session a pris fin"));
        HttpResponse<String> erase = stranger.post("/mon-profil/fiche/suppression", Map.of());
        assertEquals(303, erase.statusCode());
    }

    @Test
    void savingThePrefilledFormUnchangedKeepsTheWholeProfile() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        WebClient browser = openSpace(registered);
        Document edit = browser.page("/mon-profil/fiche/modifier");
        assertEquals("on", formOf(edit).get("areaOwnDepartement"));
        HttpResponse<String> saved = browser.post("/mon-profil/fiche/modifier", formOf(edit));
        assertEquals(303, saved.statusCode());
        SupplierView view = directory.view(directory.find(registered.id()).orElseThrow());
        assertEquals(2, view.areas().size());
        assertEquals(List.of("espaces-verts-entretien"), view.sectors());
        assertEquals(1, view.references().size());
        assertEquals(1, view.labels().size());
        assertEquals("ESUS-2025-001", view.labels().get(0).proof());
        assertEquals(List.of("Tonte et débroussaillage"), view.offers());
        assertEquals(Set.of(ConsentKind.PUBLISH_CONTACT, ConsentKind.RECONTACT), view.consents());
    }

    @Test
    void theEditFormShowsAnAmbiguousCommuneByNameWithItsDepartementAndKeepsIt() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory, "93048");
        WebClient browser = openSpace(registered);
        Document edit = browser.page("/mon-profil/fiche/modifier");
        assertEquals("Montreuil (93)", edit.selectFirst("#champ-communeQuery").val());
        assertEquals(303, browser.post("/mon-profil/fiche/modifier", formOf(edit)).statusCode());
        assertEquals("93048", directory.find(registered.id()).orElseThrow().communeCode());
    }

    private long searchOutboxRows(long supplierId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                "SELECT count(*) FROM search_outbox WHERE entity = 'supplier' AND entity_id = ?")) {
                statement.setLong(1, supplierId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** The values a browser would send for the page's form (the first value of each field; this profile has one of each). */
    private static Map<String, String> formOf(Document page) {
        return formOf(page, Map.of());
    }

    private static Map<String, String> formOf(Document page, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Element form = page.selectFirst("form[action=/mon-profil/fiche/modifier]");
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            if (name.equals("_csrf") || values.containsKey(name)) {
                continue;
            }
            switch (input.tagName()) {
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    if (selected != null) {
                        values.put(name, selected.attr("value"));
                    }
                }
                case "textarea" -> values.put(name, input.val());
                default -> {
                    if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                        values.put(name, input.val());
                    }
                }
            }
        }
        values.putAll(overrides);
        return values;
    }

    @Test
    void aLinkAskedForFromAProgrammingLineLeadsBackToItOnceOpenedButNeverElsewhere() {
        SupplierFixtures.Registered registered = SupplierFixtures.publishedSupplier(directory);
        String line = "/programmation/2027/T-RETOUR1";
        WebClient browser = browser();
        Document request = browser.page("/mon-profil?retour=" + line);
        assertEquals(line, request.selectFirst("form[action=/mon-profil] input[name=retour]").val());
        assertEquals("/inscription?retour=/programmation/2027/T-RETOUR1",
            request.selectFirst("main a:contains(Référencer ma structure)").attr("href"), "the unregistered are led to registration, then back");
        browser.post("/mon-profil", Map.of("siret", registered.siret(), "email", registered.email(), "retour", line));
        SupplierFixtures.awaitProfileLink(registered.email(), 1);
        MailCatcher.Mail mail = MailCatcher.awaitMail(registered.email(), "revenir à la programmation");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/mon-profil/[A-Za-z0-9_-]{20,}\\?retour=\\S+").matcher(mail.text());
        assertTrue(link.find(), mail.text());
        assertTrue(mail.text().contains("vous ramène à la page de la programmation"), mail.text());

        Document confirmation = browser.page(link.group());
        assertEquals(line, confirmation.selectFirst("form[method=post] input[name=retour]").val());
        HttpResponse<String> opened = browser.post(link.group(), Map.of("retour", line));
        assertEquals(303, opened.statusCode());
        assertEquals(line, opened.headers().firstValue("location").orElseThrow());
        assertEquals(200, browser.get("/mon-profil/fiche").statusCode(), "the session is the structure's");

        SupplierFixtures.Registered other = SupplierFixtures.publishedSupplier(directory);
        WebClient tricked = browser();
        assertNull(tricked.page("/mon-profil?retour=https://ailleurs.example/programmation").selectFirst("input[name=retour]"));
        requestLink(tricked, other.siret(), other.email());
        String plainLink = SupplierFixtures.awaitProfileLink(other.email(), 1);
        tricked.get(plainLink + "?retour=//ailleurs.example/programmation");
        HttpResponse<String> forged = tricked.post(plainLink, Map.of("retour", "//ailleurs.example/programmation"));
        assertEquals(303, forged.statusCode());
        assertEquals("/mon-profil/fiche", forged.headers().firstValue("location").orElseThrow(), "never another site");
    }
}
