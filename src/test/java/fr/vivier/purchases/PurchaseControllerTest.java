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
    @Inject
    PurchaseService purchases;

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
    void aBuyerOfTheDirectionCorrectsItsPurchaseWithTheSameRulesAndNobodyElseButStaffMay() {
        String direction = "Direction " + UUID.randomUUID();
        WebClient buyer = signedIn(Role.BUYER, direction);
        String object = "Taille de haies " + UUID.randomUUID();
        HttpResponse<String> created = buyer.post("/agents/achats", purchase(object, Sirets.next()));
        String record = created.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");

        Document form = buyer.page(record + "/modifier");

        assertEquals(object, form.selectFirst("#champ-object").attr("value"));
        assertEquals("12500.5", form.selectFirst("#champ-amount").attr("value"));
        assertTrue(form.selectFirst("#champ-socialClause").hasAttr("checked"));
        assertEquals("120", form.selectFirst("#champ-insertionHoursPlanned").attr("value"));
        Map<String, String> fields = new HashMap<>();
        form.select("form input[type=text]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        form.select("form input[type=checkbox][checked]").forEach(input -> fields.put(input.attr("name"), "on"));
        form.select("form select").forEach(select -> fields.put(select.attr("name"),
            select.selectFirst("option[selected]") == null ? "" : select.selectFirst("option[selected]").val()));
        fields.put("amount", "-3");
        HttpResponse<String> wrong = buyer.post(record + "/modifier", fields);
        assertEquals(422, wrong.statusCode());
        Document again = org.jsoup.Jsoup.parse(wrong.body());
        assertEquals("Le montant doit être supérieur à zéro (en € HT).", again.selectFirst("#erreur-amount").text());
        assertEquals("-3", again.selectFirst("#champ-amount").attr("value"));
        assertTrue(buyer.page(record).text().matches(".*Montant 12.500,5.€.HT.*"), "rien d’enregistré sur erreur");

        fields.put("amount", "13 000");
        fields.put("object", object + " (avenant)");
        HttpResponse<String> corrected = buyer.post(record + "/modifier", fields);

        assertEquals(303, corrected.statusCode(), corrected.body());
        Document page = buyer.page(corrected.headers().firstValue("location").orElseThrow());
        assertTrue(page.text().contains("L’achat est modifié."), page.text());
        assertTrue(page.text().matches(".*Montant 13.000.€.HT.*") && page.text().contains(object + " (avenant)"), page.text());
        assertTrue(page.text().contains(direction) && page.text().contains("Clause sociale"), page.text());
        WebClient otherBuyer = signedIn(Role.BUYER, "Direction " + UUID.randomUUID());
        assertEquals(403, otherBuyer.get(record + "/modifier").statusCode());
        assertEquals(403, otherBuyer.post(record + "/modifier", fields).statusCode());
        assertEquals(200, signedIn(Role.STAFF, null).get(record + "/modifier").statusCode());
    }

    @Test
    void anImportedPurchaseIsCorrectedInItsFileNotInTheForm() {
        String object = "Nettoyage des vitres " + UUID.randomUUID();
        String csv = "reference;objet;procedure;montant_ht;date_notification;titulaires;direction\r\nIMP-" + UUID.randomUUID().toString()
            .substring(0, 8) + ";" + object + ";Procédure adaptée;41000;15/04/2026;" + Sirets.next() + ";Direction des bâtiments\r\n";
        ImportReport imported = purchases.importFile(PurchaseService.FileKind.SPREADSHEET,
            new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null, PurchaseImport.Progress.NONE);
        assertEquals("1 importés, 0 mis à jour, 0 inchangés, 0 refusés", imported.summary());
        long id = purchases.list(new PurchaseRepository.Filter(2026, null, null, null, object), 0, 5).rows().get(0).id();
        WebClient staff = signedIn(Role.STAFF, null);

        assertTrue(staff.page("/agents/achats/" + id).text().contains("Achat importé : il se corrige dans son fichier"));
        assertEquals(409, staff.get("/agents/achats/" + id + "/modifier").statusCode());
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
