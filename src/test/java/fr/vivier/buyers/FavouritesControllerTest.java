package fr.vivier.buyers;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static fr.vivier.buyers.BuyerTestData.GREEN_SPACES;
import static fr.vivier.buyers.BuyerTestData.contactEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FavouritesControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;

    private WebClient buyer() {
        return BuyerTestData.signedIn(server.getURI(), accounts, Role.BUYER);
    }

    private String createList(WebClient browser, String name) {
        browser.get("/favoris");
        HttpResponse<String> response = browser.post("/favoris", Map.of("name", name));
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
    }

    @Test
    void buyerCreatesAListAddsASupplierFromItsPageSeesItAndRemovesIt() {
        Supplier supplier = TestSuppliers.publish(directory, d -> {
            d.name = "Fleurs " + UniqueWords.next();
            d.kind = "EI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        WebClient browser = buyer();
        assertTrue(browser.page("/favoris").text().contains("Vous n’avez pas encore de liste de favoris."));
        String list = createList(browser, "Espaces verts ESS");

        Document addPage = browser.page("/favoris/ajouter?fournisseur=" + supplier.id());
        assertTrue(addPage.text().contains(supplier.displayName()));
        String listId = list.substring(list.lastIndexOf('/') + 1);
        HttpResponse<String> added = browser.post("/favoris/ajouter", Map.of("fournisseur", supplier.id().toString(), "liste", listId));
        assertEquals(303, added.statusCode());
        Document page = browser.page(added.headers().firstValue("location").orElseThrow());
        assertTrue(page.text().contains("Le fournisseur a été ajouté à la liste."));
        assertNotNull(page.selectFirst("a[href=/fournisseurs/" + supplier.slug() + "]"));
        browser.post("/favoris/ajouter", Map.of("fournisseur", supplier.id().toString(), "liste", listId));
        assertEquals(1, browser.page(list).select("tbody tr").size());

        Document lists = browser.page("/favoris");
        assertEquals("1", lists.selectFirst("tr:has(a[href=" + list + "]) td.nombre").text());

        browser.get(list);
        HttpResponse<String> removed = browser.post(list + "/retrait", Map.of("fournisseur", supplier.id().toString()));
        assertEquals(303, removed.statusCode());
        assertTrue(browser.page(list).text().contains("Cette liste est vide."));

        browser.get(list);
        assertEquals(303, browser.post(list + "/suppression", Map.of()).statusCode());
        assertEquals(404, browser.get(list).statusCode());
    }

    @Test
    void creatingAListFromASupplierPageAddsItAtOnce() {
        Supplier supplier = TestSuppliers.publish(directory, d -> {
            d.name = "Traiteur " + UniqueWords.next();
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "";
            d.contactEmail = contactEmail();
            d.publishContact = true;
        });
        WebClient browser = buyer();
        browser.get("/favoris/ajouter?fournisseur=" + supplier.id());
        HttpResponse<String> response = browser.post("/favoris", Map.of("name", "Traiteurs", "fournisseur", supplier.id().toString()));
        assertEquals(303, response.statusCode());
        Document page = browser.page(response.headers().firstValue("location").orElseThrow());
        assertEquals("Traiteurs", page.selectFirst("h1").text());
        assertNotNull(page.selectFirst("a[href=/fournisseurs/" + supplier.slug() + "]"));
    }

    @Test
    void emptyTooLongAndDuplicateNamesAreRefusedWithTheInputKept() {
        WebClient browser = buyer();
        createList(browser, "Nettoyage");

        browser.get("/favoris");
        HttpResponse<String> empty = browser.post("/favoris", Map.of("name", "  "));
        assertEquals(422, empty.statusCode());
        Document emptyPage = Jsoup.parse(empty.body());
        assertNotNull(emptyPage.selectFirst("#resume-erreurs"));
        assertEquals("Donnez un nom à la liste.", emptyPage.selectFirst("#erreur-name").text());

        HttpResponse<String> duplicate = browser.post("/favoris", Map.of("name", "nettoyage"));
        assertEquals(422, duplicate.statusCode());
        Document duplicatePage = Jsoup.parse(duplicate.body());
        assertTrue(duplicatePage.selectFirst("#erreur-name").text().contains("Vous avez déjà une liste nommée « nettoyage »"));
        assertEquals("nettoyage", duplicatePage.selectFirst("#champ-name").val());

        HttpResponse<String> tooLong = browser.post("/favoris", Map.of("name", "x".repeat(101)));
        assertEquals(422, tooLong.statusCode());
        assertTrue(Jsoup.parse(tooLong.body()).selectFirst("#erreur-name").text().contains("100 caractères"));
        assertEquals(1, browser.page("/favoris").select("tbody tr").size());
    }

    @Test
    void aListBelongsToItsBuyer() {
        WebClient owner = buyer();
        String list = createList(owner, "Privée");
        WebClient other = buyer();
        assertEquals(403, other.get(list).statusCode());
        other.get("/favoris");
        assertEquals(403, other.post(list + "/suppression", Map.of()).statusCode());
        assertEquals(200, owner.get(list).statusCode());
        assertNull(Jsoup.parse(other.get("/favoris").body()).selectFirst("a[href=" + list + "]"));
        assertEquals(303, new WebClient(server.getURI()).get("/favoris").statusCode());
    }
}
