package fr.vivier.purchases;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.sourcing.JournalService;
import fr.vivier.sourcing.SourcingJournal;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import fr.vivier.web.FrenchFormat;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    DirectoryService directory;
    @Inject
    ShortlistService shortlists;
    @Inject
    SourcingJournal journal;

    private WebClient signedIn(Role role, String direction) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        return signedIn(email, role, direction);
    }

    private WebClient signedIn(String email, Role role, String direction) {
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
    void aPurchaseFromAShortlistLinksTheLoggedConsultationOfItsHolderAndNoOtherContact() {
        String direction = "Direction " + UUID.randomUUID();
        String email = "acheteur-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        WebClient buyer = signedIn(email, Role.BUYER, direction);
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        Supplier chosen = TestSuppliers.publish(directory, draft -> draft.name = "Jardins " + UUID.randomUUID());
        Supplier other = TestSuppliers.publish(directory, draft -> draft.name = "Paysages " + UUID.randomUUID());
        Shortlist shortlist = shortlists.save(accountId, new ShortlistService.Need("Désherbage du cimetière " + UUID.randomUUID(),
            "espaces-verts-entretien", "93010", null, false), List.of(chosen.id(), other.id()));
        shortlists.select(shortlist, List.of(chosen.id(), other.id()));
        assertEquals(303, buyer.postFormBody("/journal/consultations", "_csrf=" + buyer.csrfToken() + "&liste=" + shortlist.id()
            + "&fournisseur=" + chosen.id() + "&fournisseur=" + other.id() + "&date=" + LocalDate.now(FrenchFormat.ZONE).minusDays(3)
            + "&canal=EMAIL&objet=Devis&issue=QUOTE_RECEIVED").statusCode());

        Document form = buyer.page("/agents/achats/nouveau?liste=" + shortlist.id() + "&fournisseur=" + chosen.id());

        assertEquals(chosen.siret(), form.selectFirst("#champ-holders").attr("value"));
        assertEquals(1, form.select("input[name=contacts]").size(), "seuls les contacts avec le titulaire sont proposés");
        Element offered = form.selectFirst("input[name=contacts][checked]");
        assertTrue(form.selectFirst("label[for=" + offered.id() + "]").text().contains(chosen.displayName()));
        long otherContact = journal.contactsWith(List.of(other.siret()), new JournalService.Viewer(accountId, "", false, direction), 5)
            .get(0).id();
        Map<String, String> fields = purchase("Désherbage du cimetière", chosen.siret());
        fields.put("shortlistId", String.valueOf(shortlist.id()));
        fields.put("contacts", String.valueOf(otherContact));
        HttpResponse<String> wrong = buyer.post("/agents/achats", fields);
        assertEquals(422, wrong.statusCode());
        assertEquals("Seuls les contacts du journal avec un titulaire de l’achat peuvent lui être liés.",
            org.jsoup.Jsoup.parse(wrong.body()).selectFirst("#erreur-contacts").text());
        WebClient stranger = signedIn(Role.BUYER, "Direction " + UUID.randomUUID());
        Map<String, String> notReadable = purchase("Désherbage du cimetière", chosen.siret());
        notReadable.put("contacts", offered.val());
        assertEquals(422, stranger.post("/agents/achats", notReadable).statusCode(), "le contact d’une autre direction");

        fields.put("contacts", offered.val());
        HttpResponse<String> saved = buyer.post("/agents/achats", fields);

        assertEquals(303, saved.statusCode(), saved.body());
        Document page = buyer.page(saved.headers().firstValue("location").orElseThrow());
        String linked = page.selectFirst("h2:contains(Contacts du journal) + ul").text();
        assertTrue(linked.contains(chosen.displayName()) && linked.contains("Devis reçu"), linked);
        assertFalse(linked.contains(other.displayName()));
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
