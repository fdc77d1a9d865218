package fr.vivier.purchases;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    private WebClient signedIn(Role role, String direction) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        accounts.createWithPasswordIfAbsent(email, "Test " + role.label(), role, direction, TestAccounts.PASSWORD);
        WebClient client = new WebClient(server.getURI());
        assertEquals(303, client.signIn(email, TestAccounts.PASSWORD).statusCode());
        client.get("/agents/achats");
        return client;
    }

    private static Map<String, String> purchase(String object, String holder) {
        Map<String, String> form = new HashMap<>();
        form.put("object", object);
        form.put("amount", "12 500,50");
        form.put("notifiedOn", "02/03/2026");
        form.put("procedure", "NO_PUBLICITY");
        form.put("holders", holder);
        form.put("socialClause", "on");
        form.put("insertionHoursPlanned", "120");
        return form;
    }

    @Test
    void aBuyerRecordsAPurchaseOfItsDirectionAndFindsItInTheList() {
        String direction = "Direction " + UUID.randomUUID();
        WebClient buyer = signedIn(Role.BUYER, direction);
        String object = "Fournitures de bureau " + UUID.randomUUID();

        HttpResponse<String> created = buyer.post("/agents/achats", purchase(object, Sirets.next()));

        assertEquals(303, created.statusCode(), created.body());
        String location = created.headers().firstValue("location").orElseThrow();
        Document page = buyer.page(location);
        assertTrue(page.text().contains("L’achat est enregistré."), page.text());
        assertTrue(page.text().matches(".*Montant 12.500,5.€.HT.*"), page.text());
        assertTrue(page.text().contains(direction), page.text());
        assertTrue(page.text().contains("Hors annuaire (à qualifier)"), page.text());
        assertTrue(buyer.page("/agents/achats").text().contains(object));

        WebClient otherBuyer = signedIn(Role.BUYER, "Direction des sports " + UUID.randomUUID());
        assertEquals(403, otherBuyer.get(location).statusCode(), "un acheteur d’une autre direction");
        assertTrue(!otherBuyer.page("/agents/achats").text().contains(object), "liste limitée à sa direction");
        WebClient staff = signedIn(Role.STAFF, null);
        assertEquals(200, staff.get(location).statusCode());
    }

    @Test
    void aWrongFieldKeepsTheInputAndShowsTheFrenchMessageAtTheField() {
        WebClient buyer = signedIn(Role.BUYER, "Direction de l’enfance");
        Map<String, String> form = purchase("Repas du centre de loisirs", "123");
        form.put("amount", "-3");

        HttpResponse<String> response = buyer.post("/agents/achats", form);

        assertEquals(422, response.statusCode());
        Document page = org.jsoup.Jsoup.parse(response.body());
        assertEquals("Le montant doit être supérieur à zéro (en € HT).", page.selectFirst("#erreur-amount").text());
        assertTrue(page.selectFirst("#erreur-holders").text().contains("Le SIRET compte 14 chiffres"));
        assertEquals("Repas du centre de loisirs", page.selectFirst("#champ-object").attr("value"));
        assertTrue(page.selectFirst("#resume-erreurs") != null);
    }

    @Test
    void theStaffApiGivesTheYearsPurchasesWithTheFrozenAttributesAndRefusesBuyers() {
        WebClient staff = signedIn(Role.STAFF, null);
        String object = "Nettoyage " + UUID.randomUUID();
        Map<String, String> form = purchase(object, Sirets.next());
        form.put("direction", "Direction des bâtiments");
        assertEquals(303, staff.post("/agents/achats", form).statusCode());

        HttpResponse<String> api = staff.get("/api/v1/purchases?year=2026");
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains(object), "l’achat de l’année");
        assertTrue(api.body().contains("\"matchedBy\":\"NONE\""), api.body().substring(0, Math.min(500, api.body().length())));
        assertEquals(400, staff.get("/api/v1/purchases").statusCode());
        assertEquals(403, signedIn(Role.BUYER, "Direction X").get("/api/v1/purchases?year=2026").statusCode());
    }
}
