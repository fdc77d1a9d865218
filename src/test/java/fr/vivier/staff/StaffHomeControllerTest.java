package fr.vivier.staff;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.imports.SupplierImportService;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffHomeControllerTest implements IntegrationTest {
    private static final String CSV_HEADER = "siret;raison_sociale;nom_commercial;forme_juridique;taille;type_structure;commune_insee;"
        + "zone_intervention;secteurs;labels;description;offres;site_web;contact_nom;contact_fonction;contact_email;contact_telephone;"
        + "consentement_publication;consentement_recontact;consentement_alertes\n";

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierImportService imports;
    @Inject
    TransactionOperations<Connection> transactions;

    private WebClient signedIn(Role role) {
        WebClient browser = new WebClient(server.getURI());
        HttpResponse<String> signIn = browser.signIn(TestAccounts.create(accounts, role), TestAccounts.PASSWORD);
        assertEquals(303, signIn.statusCode());
        return browser;
    }

    private void insertOpenRequest(Supplier supplier, String topic, Instant created) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement("""
                INSERT INTO recontact_request (supplier_id, topic, sectors, message, status, created_at)
                VALUES (?, ?, '', '', 'NEW', ?)""")) {
                statement.setLong(1, supplier.id());
                statement.setString(2, topic);
                statement.setTimestamp(3, Timestamp.from(created));
                return statement.executeUpdate();
            }
        });
    }

    @Test
    void staffLandOnTheirDashboardAndEachFigureLeadsToItsFilteredList() {
        String word = "tableau" + UUID.randomUUID().toString().substring(0, 8);
        TestSuppliers.register(directory, draft -> {
            draft.name = "Régie récente " + word;
            draft.recontact("Présenter notre régie");
        });
        Supplier waiting = TestSuppliers.register(directory, draft -> draft.name = "Atelier oublié " + word);
        insertOpenRequest(waiting, "Demande restée sans réponse", Instant.now().minus(Duration.ofDays(20)));

        WebClient browser = new WebClient(server.getURI());
        HttpResponse<String> signIn = browser.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD);
        assertEquals("/agents", signIn.headers().firstValue("location").orElseThrow());
        Document home = browser.page("/agents");
        assertEquals("Tableau de bord", home.selectFirst("h1").text());
        assertTrue(home.selectFirst("#titre-fiches").parent().text().matches(".*\\d+ fiches? à relire.*"), home.text());

        Element overdue = home.selectFirst("a:matches(\\d+ demandes? en retard)");
        assertNotNull(overdue, home.text());
        Document overdueList = browser.page(overdue.attr("href") + "&q=" + word);
        assertTrue(overdueList.text().contains("Atelier oublié " + word), overdueList.text());
        assertFalse(overdueList.text().contains("Régie récente " + word));
        assertTrue(overdueList.text().contains("Ancienneté : 20 jours"), overdueList.text());
        assertTrue(overdueList.text().contains("En retard"));

        Element fresh = home.selectFirst("a:matches(\\d+ nouvelles? demandes?)");
        Document freshList = browser.page(fresh.attr("href") + "&q=" + word);
        assertTrue(freshList.text().contains("Régie récente " + word));
        assertTrue(freshList.text().contains("Atelier oublié " + word), "an overdue request is new too");

        Document toReview = browser.page(home.selectFirst("#titre-fiches a").attr("href") + "?q=" + word);
        assertEquals(2, toReview.select("tbody tr").size(), toReview.text());
    }

    @Test
    void theDashboardRecallsTheLastImportAndLinksTheSearchIndex() {
        String staffName = "Agent import " + UUID.randomUUID().toString().substring(0, 6);
        String line = Sirets.next() + ";Jardins importés (fictif);;ASSOCIATION;TPE;ACI;93010;COMMUNE:93010;espaces-verts-entretien;;"
            + "Chantier fictif.;Tonte;;Camille Exemple;;import-" + UUID.randomUUID() + "@test.vivier.example;;oui;oui;non\n";
        imports.importFile("tableau-de-bord.csv", (CSV_HEADER + line).getBytes(StandardCharsets.UTF_8), staffName);

        Document home = signedIn(Role.ADMIN).page("/agents");
        String importCard = home.selectFirst("#titre-import").parent().text();
        assertTrue(importCard.contains("par " + staffName + " (tableau-de-bord.csv) : 1 fiche importée, 0 ligne en erreur"), importCard);
        assertTrue(importCard.matches(".*Dernier import le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}h\\d{2}.*"), importCard);
        assertNotNull(home.selectFirst("#titre-index a[href=/agents/recherche]"));
    }

    @Test
    void buyersLandOnTheirToolsAndCannotOpenTheDashboard() {
        WebClient browser = new WebClient(server.getURI());
        HttpResponse<String> signIn = browser.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD);
        assertEquals("/acheteurs", signIn.headers().firstValue("location").orElseThrow());
        Document tools = browser.page("/acheteurs");
        assertEquals("Mes outils d’acheteur", tools.selectFirst("h1").text());
        assertNotNull(tools.selectFirst("form[action=/fournisseurs] input[name=q]"));
        assertNotNull(tools.selectFirst("a[href=/achats-moins-40k]"));
        assertNotNull(tools.selectFirst("a[href=/favoris]"));
        assertNotNull(tools.selectFirst("a[href=/recherches-enregistrees]"));
        // the direction's journal, purchases, programming and indicators, each answering the buyer
        for (String path : java.util.List.of("/journal", "/agents/achats", "/agents/programmation", "/agents/indicateurs", "/rencontres")) {
            assertNotNull(tools.selectFirst("main a[href=" + path + "]"), path);
            assertEquals(200, browser.get(path).statusCode(), path);
        }
        assertEquals(403, browser.get("/agents").statusCode());
    }

    @Test
    void aVisitorSentToSignInIsToldWhyAndComesBackAfterwards() {
        WebClient browser = new WebClient(server.getURI());
        HttpResponse<String> refused = browser.get("/agents/demandes-recontact?statut=NEW");
        String location = refused.headers().firstValue("location").orElseThrow();
        Document signInPage = browser.page(location);
        assertEquals("Connectez-vous pour accéder à cette page.", signInPage.selectFirst("main .alerte--info").text());
        HttpResponse<String> signIn = browser.post("/connexion", java.util.Map.of("email", TestAccounts.create(accounts, Role.STAFF),
            "password", TestAccounts.PASSWORD, "retour", signInPage.selectFirst("input[name=retour]").val()));
        assertEquals("/agents/demandes-recontact?statut=NEW", signIn.headers().firstValue("location").orElseThrow());

        assertTrue(new WebClient(server.getURI()).page("/connexion").select("main .alerte--info").isEmpty(),
            "nothing to explain when the visitor came by choice");
    }
}
