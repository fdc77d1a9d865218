package fr.vivier.programming;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.buyers.FavouriteList;
import fr.vivier.buyers.FavouritesService;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import fr.vivier.directory.DirectoryService;
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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffProgrammingControllerTest implements IntegrationTest {
    private static final String PATH = "/agents/programmation";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    ProgrammingService programming;
    @Inject
    InterestService interests;
    @Inject
    DirectoryService directory;
    @Inject
    FavouritesService favourites;
    @Inject
    ShortlistService shortlists;

    private WebClient signedIn(Role role, String direction) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        accounts.createWithPasswordIfAbsent(email, "Test " + role.label(), role, direction, TestAccounts.PASSWORD);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        browser.get(PATH + "/nouvelle");
        return browser;
    }

    private static Map<String, String> form(String reference) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("year", "2027");
        form.put("reference", reference);
        form.put("object", "Nettoyage des vitres des équipements sportifs");
        form.put("description", "Deux passages par an.");
        form.put("direction", "Direction des sports");
        form.put("sectors", "proprete-vitrerie");
        form.put("cpvCodes", "90911300");
        form.put("estimatedAmount", "38 500,00");
        form.put("expectedQuarter", "3");
        form.put("expectedMonth", "");
        form.put("procedure", "ADAPTED");
        form.put("nature", "CONTRACT");
        form.put("places", "93010");
        form.put("reservation", "SIAE");
        form.put("socialClause", "on");
        form.put("lotObject", "Gymnases");
        form.put("lotSector", "proprete-vitrerie");
        form.put("lotAmount", "20 000");
        return form;
    }

    @Test
    void staffCreatesALineAndIsSentToItsPage() {
        WebClient staff = signedIn(Role.STAFF, null);
        String reference = TestLines.newReference();
        HttpResponse<String> created = staff.post(PATH, form(reference));
        assertEquals(303, created.statusCode(), created.body());
        String location = created.headers().firstValue("location").orElseThrow();
        assertTrue(location.matches(PATH + "/\\d+\\?succes=creee"), location);
        Document page = staff.page(location);
        assertEquals("Nettoyage des vitres des équipements sportifs", page.selectFirst("h1").text());
        assertTrue(page.text().contains("La ligne est créée."));
        assertTrue(page.text().contains("Réservé aux SIAE"));
        assertTrue(page.select("#lot-1").text().contains("Gymnases"));
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)\\?.*", "$1"));
        assertEquals(new BigDecimal("38500.00"), programming.find(id).orElseThrow().estimatedAmount());
    }

    @Test
    void badInputIsShownAtTheFieldsWithTheInputKept() {
        WebClient staff = signedIn(Role.STAFF, null);
        Map<String, String> form = form(TestLines.newReference());
        form.put("estimatedAmount", "-12");
        form.put("object", "<script>alert('x')</script> Nettoyage");
        form.put("places", "Atlantide");
        form.put("sectors", "inconnu");
        HttpResponse<String> refused = staff.post(PATH, form);
        assertEquals(422, refused.statusCode());
        assertFalse(refused.body().contains("<script>alert"), "le HTML saisi est échappé");
        Document page = Jsoup.parse(refused.body());
        assertEquals("Le montant ne peut pas être négatif.", page.selectFirst("#erreur-estimatedAmount").text());
        assertTrue(page.selectFirst("#erreur-places").text().contains("« Atlantide »"));
        assertTrue(page.selectFirst("#erreur-sectors").text().contains("inconnu"));
        assertEquals("<script>alert('x')</script> Nettoyage", page.selectFirst("#champ-object").val());
        assertEquals("-12", page.selectFirst("#champ-estimatedAmount").val());
        assertTrue(page.selectFirst(".resume-erreurs").text().contains("3 erreurs"));

        form = form(TestLines.newReference());
        form.put("object", "x".repeat(301));
        form.put("estimatedAmount", "douze mille");
        refused = staff.post(PATH, form);
        assertEquals(422, refused.statusCode());
        page = Jsoup.parse(refused.body());
        assertEquals("L’objet ne doit pas dépasser 300 caractères.", page.selectFirst("#erreur-object").text());
        assertEquals("x".repeat(301), page.selectFirst("#champ-object").val());
        assertTrue(page.selectFirst("#secteur-proprete-vitrerie").hasAttr("checked"), "the sector ticked is kept");
        assertTrue(page.selectFirst("#secteur-proprete-vitrerie").closest("details").hasAttr("open"), "its family is open");
        assertFalse(page.text().contains("Ctrl"), "sectors are ticked, not picked with Ctrl + click");
    }

    @Test
    void aBuyerCreatesLinesForItsOwnDirectionAndCannotTouchAnotherDirectionsLine() {
        String direction = "Direction " + UUID.randomUUID().toString().substring(0, 6);
        WebClient buyer = signedIn(Role.BUYER, direction);
        Map<String, String> form = form(TestLines.newReference());
        form.put("direction", "Direction des finances");
        HttpResponse<String> created = buyer.post(PATH, form);
        assertEquals(303, created.statusCode(), created.body());
        long own = Long.parseLong(created.headers().firstValue("location").orElseThrow().replaceAll(".*/(\\d+)\\?.*", "$1"));
        assertEquals(direction, programming.find(own).orElseThrow().direction(), "la direction du compte, pas celle du formulaire");
        assertTrue(buyer.page(PATH).text().contains("Nettoyage des vitres"));

        long other = TestLines.create(programming, draft -> draft.direction = "Direction de l’environnement");
        assertEquals(403, buyer.get(PATH + "/" + other).statusCode());
        assertEquals(403, buyer.get(PATH + "/" + other + "/modifier").statusCode());
        buyer.get(PATH + "/" + own);
        assertEquals(403, buyer.post(PATH + "/" + other + "/publication", Map.of()).statusCode());
        assertEquals(403, buyer.post(PATH + "/" + other + "/modifier", form(TestLines.newReference())).statusCode());
        assertEquals(403, buyer.post(PATH + "/" + other + "/statut", Map.of("statut", "ABANDONED")).statusCode());
        assertFalse(programming.find(other).orElseThrow().published());
        assertEquals(LineStatus.PLANNED, programming.find(other).orElseThrow().status());
        assertFalse(buyer.page(PATH).text().contains(programming.find(other).orElseThrow().reference()));
    }

    @Test
    void staffLaunchesALineWithItsConsultationAndPublishesIt() {
        WebClient staff = signedIn(Role.STAFF, null);
        long id = TestLines.create(programming);
        staff.get(PATH + "/" + id);
        HttpResponse<String> refused = staff.post(PATH + "/" + id + "/statut", Map.of("statut", "LAUNCHED", "consultationUrl", ""));
        assertEquals(422, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).selectFirst("#erreur-consultationUrl").text().startsWith("Indiquez l’adresse"));
        HttpResponse<String> launched = staff.post(PATH + "/" + id + "/statut",
            Map.of("statut", "LAUNCHED", "consultationUrl", "https://marches.example/c/7"));
        assertEquals(303, launched.statusCode());
        Document page = staff.page(PATH + "/" + id + "?succes=statut");
        assertTrue(page.text().contains("Prévue → Lancée"), page.text());
        assertEquals(303, staff.post(PATH + "/" + id + "/publication", Map.of()).statusCode());
        assertTrue(programming.find(id).orElseThrow().published());
        staff.get(PATH + "/" + id);
        assertEquals(303, staff.post(PATH + "/" + id + "/depublication", Map.of()).statusCode());
        assertFalse(programming.find(id).orElseThrow().published());
    }

    @Test
    void anEditKeepsTheReferenceUniqueAndSaysWhatChanged() {
        WebClient staff = signedIn(Role.STAFF, null);
        long first = TestLines.create(programming);
        long second = TestLines.create(programming);
        Document edit = staff.page(PATH + "/" + second + "/modifier");
        assertEquals(programming.find(second).orElseThrow().reference(), edit.selectFirst("#champ-reference").val());
        assertEquals(1, edit.select("select[name=expectedQuarter]").size(), "one quarter list: a browser sends every field of the form");
        Map<String, String> form = form(programming.find(first).orElseThrow().reference());
        HttpResponse<String> refused = staff.post(PATH + "/" + second + "/modifier", form);
        assertEquals(422, refused.statusCode());
        assertEquals(ProgrammingService.DUPLICATE_REFERENCE, Jsoup.parse(refused.body()).selectFirst("#erreur-reference").text());
        form.put("reference", TestLines.newReference());
        assertEquals(303, staff.post(PATH + "/" + second + "/modifier", form).statusCode());
        assertEquals("Nettoyage des vitres des équipements sportifs", programming.find(second).orElseThrow().object());
    }

    @Test
    void aBuyerAddsAnInterestedStructureToOneOfItsShortlistsOrFavouritesFromTheLinePage() {
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        long buyerId = accounts.createWithPasswordIfAbsent(email, "Acheteuse", Role.BUYER, "Direction des sports", TestAccounts.PASSWORD).orElseThrow().id();
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(email, TestAccounts.PASSWORD).statusCode());
        FavouriteList list = ((FavouritesService.Creation.Created) favourites.create(buyerId, "Nettoyage des gymnases")).list();
        Shortlist shortlist = shortlists.save(buyerId, new ShortlistService.Need("Vitres du gymnase", "proprete-vitrerie", "93010", null,
            false), List.of());
        long otherBuyerId = accounts.createWithPasswordIfAbsent("buyer-" + UUID.randomUUID().toString().substring(0, 8)
            + "@test.vivier.example", "Autre", Role.BUYER, "Direction des sports", TestAccounts.PASSWORD).orElseThrow().id();
        FavouriteList othersList = ((FavouritesService.Creation.Created) favourites.create(otherBuyerId, "Pas à moi")).list();

        long lineId = TestLines.published(programming, draft -> draft.direction = "Direction des sports");
        ProgrammingLine line = programming.find(lineId).orElseThrow();
        SupplierSessions.Registered structure = SupplierSessions.published(directory, draft -> draft.name = "Vitrerie Solidaire");
        assertTrue(interests.declare(line, structure.supplier().id(), new InterestForm("HOLDER", "", "Disponible.", null)).isEmpty());
        long supplierId = structure.supplier().id();

        Document page = buyer.page(PATH + "/" + lineId);
        org.jsoup.nodes.Element select = page.selectFirst("#liste-i-" + supplierId);
        assertEquals("Liste où ajouter Vitrerie Solidaire", page.selectFirst("label[for=liste-i-" + supplierId + "]").text());
        assertEquals(List.of("Vitres du gymnase (" + shortlist.createdOnFrench() + ")", "Nettoyage des gymnases"),
            select.select("option").eachText());

        HttpResponse<String> toFavourites = buyer.post(PATH + "/" + lineId + "/ajout-liste",
            Map.of("fournisseur", String.valueOf(supplierId), "liste", "favoris-" + list.id()));
        assertEquals(303, toFavourites.statusCode(), toFavourites.body());
        String back = toFavourites.headers().firstValue("location").orElseThrow();
        assertEquals(PATH + "/" + lineId + "?succes=ajoutee-favoris", back);
        assertTrue(buyer.page(back).selectFirst("[role=status]").text().contains("ajoutée à votre liste de favoris"));
        assertEquals(List.of(supplierId), favourites.entries(list, 0, 10).getContent().stream().map(FavouritesService.Entry::supplierId).toList());

        HttpResponse<String> toShortlist = buyer.post(PATH + "/" + lineId + "/ajout-liste",
            Map.of("fournisseur", String.valueOf(supplierId), "liste", "achat-" + shortlist.id()));
        assertEquals(PATH + "/" + lineId + "?succes=ajoutee-achat", toShortlist.headers().firstValue("location").orElseThrow());
        assertEquals(List.of(supplierId), shortlists.selectedIds(shortlist), "added and kept in the shortlist");

        HttpResponse<String> notMine = buyer.post(PATH + "/" + lineId + "/ajout-liste",
            Map.of("fournisseur", String.valueOf(supplierId), "liste", "favoris-" + othersList.id()));
        assertEquals(422, notMine.statusCode());
        assertEquals("Choisissez une de vos listes.", Jsoup.parse(notMine.body()).selectFirst("#erreur-liste-i-" + supplierId).text());
        assertEquals(0, favourites.entries(othersList, 0, 10).getTotalSize());
    }
}
