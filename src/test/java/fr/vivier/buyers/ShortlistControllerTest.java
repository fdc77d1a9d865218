package fr.vivier.buyers;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SupplierSearch;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.vivier.buyers.BuyerTestData.GREEN_SPACES;
import static fr.vivier.buyers.BuyerTestData.contactEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortlistControllerTest implements IntegrationTest {
    private static final String WARNING = "Moins de trois fournisseurs couvrent ce lieu";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierSearch search;

    private void awaitSearchable(String word, int count) {
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.NAME, 1, 20)).total() == count, Duration.ofSeconds(10));
    }

    private WebClient buyer() {
        return BuyerTestData.signedIn(server.getURI(), accounts, Role.BUYER);
    }

    /** Posts the need from the form page; returns the shortlist's path. */
    private String shortlist(WebClient browser, String word, boolean socialFirst) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("object", "Entretien du parc " + word, "sector", GREEN_SPACES,
            "commune", "Bondy", "keywords", word));
        if (socialFirst) {
            fields.put("socialFirst", "on");
        }
        return shortlist(browser, fields);
    }

    private String shortlist(WebClient browser, Map<String, String> fields) {
        browser.get("/achats-moins-40k");
        HttpResponse<String> response = browser.post("/achats-moins-40k", fields);
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("location").orElseThrow();
    }

    private List<String> proposedNames(Document page) {
        return page.select("fieldset .case label strong").eachText();
    }

    @Test
    void socialEconomyComesFirstWhenTheBuyerAsksAndNoWarningWithThreeOrMore() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Alpha " + word + " " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = word;
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Bravo " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Charlie insertion";
            d.kind = "ACI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "Chantier " + word;
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Delta protégé";
            d.kind = "ESAT";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "Atelier " + word;
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 4);
        WebClient browser = buyer();

        Document page = browser.page(shortlist(browser, word, true));

        List<String> names = proposedNames(page);
        assertEquals(4, names.size(), names.toString());
        assertTrue(List.of("Charlie insertion", "Delta protégé").containsAll(names.subList(0, 2)), names.toString());
        assertTrue(names.subList(2, 4).stream().allMatch(name -> name.contains(word)), names.toString());
        assertFalse(page.text().contains(WARNING));
        assertTrue(page.text().contains("Bondy (93)"));
    }

    @Test
    void fewerThanThreeBecauseOfTheKeywordsBlamesTheKeywordsNotThePlace() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Seul " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Second " + word;
            d.kind = "EI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 2);
        WebClient browser = buyer();

        Document page = browser.page(shortlist(browser, word, false));

        assertEquals(2, proposedNames(page).size());
        Element warning = page.selectFirst(".alerte--attention");
        assertNotNull(warning);
        assertTrue(warning.text().contains("Vos mots-clés écartent des fournisseurs"), warning.text());
        assertTrue(warning.text().contains("seuls 2 correspondent aux mots-clés"), warning.text());
        assertFalse(warning.text().contains(WARNING), "the place is not the cause: many suppliers cover Bondy for green spaces");
    }

    @Test
    void fewerThanThreeCoveringThePlaceBlamesThePlace() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Rucher " + word;
            d.kind = "COMPANY";
            d.communeCode = "48003";
            d.sectors = List.of("environnement-apiculture");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "48003"));
            d.description = "Ruches et miel.";
        });
        awaitSearchable(word, 1);
        WebClient browser = buyer();

        Document page = browser.page(shortlist(browser, Map.of("object", "Ruches du parc " + word, "sector", "environnement-apiculture",
            "commune", "48190", "communeCode", "48003", "keywords", word)));

        assertEquals(1, proposedNames(page).size());
        Element warning = page.selectFirst(".alerte--attention");
        assertNotNull(warning);
        assertTrue(warning.text().contains(WARNING), warning.text());
        assertTrue(warning.text().contains("élargissez la recherche"));
    }

    @Test
    void theToolsOwnExampleKeywordsFindSuppliers() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Jardins " + word;
            d.kind = "ACI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "Tonte, taille de haies et désherbage manuel, sans produits phytosanitaires.";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 1);
        WebClient browser = buyer();

        Document page = browser.page(shortlist(browser, Map.of("object", "Entretien des haies " + word, "sector", GREEN_SPACES,
            "commune", "Bondy", "keywords", "désherbage sans produits chimiques, taille de haies")));

        assertEquals("Jardins " + word, proposedNames(page).get(0), proposedNames(page).toString());
    }

    @Test
    void savedSelectionIsKeptListedAndExportedAloneWithConsentedContacts() {
        String word = UniqueWords.next();
        String consenting = contactEmail();
        String refusing = contactEmail();
        Supplier first = TestSuppliers.publish(directory, d -> {
            d.name = "Un " + word;
            d.kind = "ACI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = consenting;
            d.publishContact = true;
        });
        Supplier second = TestSuppliers.publish(directory, d -> {
            d.name = "Deux " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = refusing;
            d.publishContact = false;
        });
        Supplier third = TestSuppliers.publish(directory, d -> {
            d.name = "Trois " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 3);
        WebClient browser = buyer();
        String path = shortlist(browser, word, false);
        browser.get(path);

        // two checkboxes with the same name: posted by hand, as a browser would
        String body = "_csrf=" + browser.csrfToken() + "&fournisseur=" + first.id() + "&fournisseur=" + second.id();
        HttpResponse<String> saved = browser.postFormBody(path + "/selection", body);
        assertEquals(303, saved.statusCode());
        Document page = browser.page(saved.headers().firstValue("location").orElseThrow());
        assertTrue(page.text().contains("Sélection enregistrée : 2 fournisseurs retenus."), page.text());
        assertTrue(page.selectFirst("#fournisseur-" + first.id()).hasAttr("checked"));
        assertFalse(page.selectFirst("#fournisseur-" + third.id()).hasAttr("checked"));

        HttpResponse<byte[]> csv = browser.download(path + "/export.csv");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = parse(text);
        assertEquals(3, records.size());
        assertEquals(List.of("Un " + word, "Deux " + word), List.of(records.get(1).get(0), records.get(2).get(0)));
        assertEquals(consenting, records.get(1).get(14));
        assertFalse(text.contains(refusing));
        assertEquals(200, browser.download(path + "/export.xlsx").statusCode());

        Document history = browser.page("/achats-moins-40k");
        Element row = history.selectFirst("tr:has(a[href=" + path + "])");
        assertNotNull(row);
        assertEquals(List.of("3", "2"), row.select("td.nombre").eachText());
    }

    @Test
    void anotherBuyerIsRefusedAndStaffMayRead() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Privé " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        awaitSearchable(word, 1);
        WebClient owner = buyer();
        String path = shortlist(owner, word, false);

        WebClient other = buyer();
        assertEquals(403, other.get(path).statusCode());
        assertEquals(403, other.download(path + "/export.csv").statusCode());
        other.get("/achats-moins-40k");
        assertEquals(403, other.post(path + "/selection", Map.of()).statusCode());

        WebClient staff = BuyerTestData.signedIn(server.getURI(), accounts, Role.STAFF);
        HttpResponse<String> read = staff.get(path);
        assertEquals(200, read.statusCode());
        assertNull(Jsoup.parse(read.body()).selectFirst("form[action=" + path + "/selection] button"));
        assertEquals(404, owner.get("/achats-moins-40k/999999999").statusCode());
    }

    @Test
    void invalidNeedKeepsInputShowsErrorsAndSavesNothing() {
        WebClient browser = buyer();
        browser.get("/achats-moins-40k");
        HttpResponse<String> response = browser.post("/achats-moins-40k", Map.of("object", "", "sector", "", "commune", "", "keywords", "gardiennage"));
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertNotNull(page.selectFirst("#resume-erreurs"));
        assertTrue(page.text().contains("Indiquez l’objet de l’achat."));
        assertTrue(page.text().contains("Choisissez un secteur d’activité."));
        assertEquals("gardiennage", page.selectFirst("#champ-keywords").val());

        Map<String, String> unknownCommune = new HashMap<>(Map.of("object", "Tonte", "sector", GREEN_SPACES, "commune", "Xyzzyville"));
        HttpResponse<String> second = browser.post("/achats-moins-40k", unknownCommune);
        assertEquals(422, second.statusCode());
        Document secondPage = Jsoup.parse(second.body());
        assertTrue(secondPage.selectFirst("#erreur-commune").text().contains("Aucune commune ne correspond"));
        assertEquals(GREEN_SPACES, secondPage.selectFirst("#champ-sector option[selected]").val());
        assertTrue(browser.page("/achats-moins-40k").text().contains("Vous n’avez pas encore établi de liste."));
    }

    @Test
    void homonymousCommunesAreOfferedTerritoryFirstAndTheBuyerMustChoose() {
        WebClient browser = buyer();
        browser.get("/achats-moins-40k");
        Map<String, String> need = new HashMap<>(Map.of("object", "Tonte du stade", "sector", GREEN_SPACES, "commune", "Montreuil"));
        HttpResponse<String> ambiguous = browser.post("/achats-moins-40k", need);
        assertEquals(422, ambiguous.statusCode());
        Document page = Jsoup.parse(ambiguous.body());
        assertEquals(List.of("", "93048", "85148", "28267"), page.select("#champ-communeCode option").eachAttr("value"));
        assertTrue(page.select("#champ-communeCode option[selected]").isEmpty(), "no guess preselected");
        assertEquals("Montreuil — Seine-Saint-Denis (93), 93100", page.select("#champ-communeCode option").get(1).text());

        need.put("communeCode", "93048");
        need.put("sector", "");
        Document sectorMissing = Jsoup.parse(browser.post("/achats-moins-40k", need).body());
        assertEquals("Montreuil (93)", sectorMissing.selectFirst("#champ-commune").val(), "the choice is kept in the field");

        need.put("sector", GREEN_SPACES);
        need.put("commune", "Montreuil (93)");
        need.remove("communeCode");
        HttpResponse<String> created = browser.post("/achats-moins-40k", need);
        assertEquals(303, created.statusCode(), created.body());
        assertTrue(browser.page(created.headers().firstValue("location").orElseThrow()).text().contains("Montreuil (93)"));
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
