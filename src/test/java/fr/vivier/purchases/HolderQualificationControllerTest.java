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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HolderQualificationControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    PurchaseService purchases;
    @Inject
    PurchaseRecords records;

    private WebClient signedIn(Role role) {
        WebClient client = new WebClient(server.getURI());
        assertEquals(303, client.signIn(TestAccounts.create(accounts, role), TestAccounts.PASSWORD).statusCode());
        client.get("/agents/achats");
        return client;
    }

    private static Map<String, String> purchase(String object, String holder) {
        return new java.util.HashMap<>(Map.of("object", object, "amount", "9 800", "notifiedOn", "02/03/2026", "procedure", "NO_PUBLICITY",
            "holders", holder, "direction", "Direction des bâtiments"));
    }

    @Test
    void staffQualifyAHolderOutsideTheDirectoryAndItsPurchasesNowAndLaterCountItAsQualifiedByHand() {
        WebClient staff = signedIn(Role.STAFF);
        String siret = Sirets.next();
        String object = "Dépannage de plomberie " + UUID.randomUUID();
        HttpResponse<String> created = staff.post("/agents/achats", purchase(object, siret));
        assertEquals(303, created.statusCode(), created.body());
        String record = created.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        String form = "/agents/achats/titulaires-a-qualifier/" + siret;
        assertEquals(200, staff.get(form).statusCode());

        HttpResponse<String> empty = staff.post(form, Map.of("nom", " ", "type", "", "taille", "XXL"));

        assertEquals(422, empty.statusCode());
        Document page = Jsoup.parse(empty.body());
        assertEquals("Indiquez le nom de la structure.", page.selectFirst("#erreur-nom").text());
        assertEquals("Choisissez le type de structure.", page.selectFirst("#erreur-type").text());
        assertEquals("Choisissez la taille de la structure.", page.selectFirst("#erreur-taille").text());
        assertTrue(page.selectFirst("#resume-erreurs") != null);
        assertTrue(staff.page(record).text().contains("Hors annuaire (à qualifier)"), "rien d’enregistré sur erreur");

        HttpResponse<String> qualified = staff.post(form, Map.of("nom", "Plomberie solidaire", "type", "EA", "taille", "PME", "local", "on"));

        assertEquals(303, qualified.statusCode(), qualified.body());
        Document list = staff.page(qualified.headers().firstValue("location").orElseThrow());
        assertTrue(list.text().contains("Le titulaire est qualifié à la main"), list.text());
        assertFalse(list.select("a[href=\"" + form + "\"]").size() > 0, "il quitte la liste à qualifier");
        assertTrue(staff.page(record).text().contains("Plomberie solidaire (qualifié à la main)"));
        assertEquals(404, staff.get(form).statusCode(), "plus rien à qualifier sous cet identifiant");

        String csv = "reference;objet;procedure;montant_ht;date_notification;titulaires\r\nQUALIF-" + UUID.randomUUID().toString().substring(0, 8)
            + ";Robinetterie " + object + ";Procédure adaptée;52000;15/04/2026;" + siret + "\r\n";
        ImportReport imported = purchases.importFile(PurchaseService.FileKind.SPREADSHEET,
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true, null, PurchaseImport.Progress.NONE);
        assertEquals("1 importés, 0 mis à jour, 0 inchangés, 0 refusés", imported.summary());
        List<PurchaseRow.Party> holders = new ArrayList<>();
        records.forEachOfYear(2026, row -> {
            if (row.object().endsWith(object)) {
                holders.addAll(row.holders());
            }
        });
        assertEquals(2, holders.size());
        for (PurchaseRow.Party holder : holders) {
            assertEquals(List.of("MANUAL", "Plomberie solidaire", "EA", "STPA", "PME", true, true), List.of(holder.matchedBy(), holder.name(),
                holder.kind(), holder.family(), holder.size(), holder.ess(), holder.onTerritory()), "le marché saisi puis celui importé après");
        }
    }

    @Test
    void buyersMayNotQualifyAndAnIdentifierNoPurchaseNamesIsNotFound() {
        WebClient staff = signedIn(Role.STAFF);
        String siret = Sirets.next();
        assertEquals(303, staff.post("/agents/achats", purchase("Gardiennage " + UUID.randomUUID(), siret)).statusCode());
        WebClient buyer = signedIn(Role.BUYER);

        assertEquals(403, buyer.get("/agents/achats/titulaires-a-qualifier/" + siret).statusCode());
        assertEquals(403, buyer.post("/agents/achats/titulaires-a-qualifier/" + siret, Map.of("nom", "X", "type", "EA", "taille", "PME"))
            .statusCode());
        assertEquals(404, staff.get("/agents/achats/titulaires-a-qualifier/" + Sirets.next()).statusCode());
        assertEquals(404, staff.get("/agents/achats/titulaires-a-qualifier/pas%20un%20identifiant").statusCode());
        assertEquals(200, staff.get("/agents/achats/titulaires-a-qualifier/" + siret).statusCode(), "toujours à qualifier");
    }
}
