package fr.vivier.web.session;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the directory without signing in writes nothing; the forms anyone can post still carry their token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousBrowsingTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.trusted-proxies", "127.0.0.1,::1");
    }

    private WebClient visitor() {
        return new WebClient(server.getURI()).header("X-Forwarded-For", "10.8." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
    }

    private long sessionRows() {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM http_session", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    @Test
    void browsingTheDirectoryAnonymouslyCreatesNoSession() {
        String word = UniqueWords.next();
        Supplier supplier = TestSuppliers.publish(directory, d -> {
            d.name = "Atelier " + word;
            d.kind = "ACI";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93"));
            d.description = "Entretien d’espaces verts et " + word + ".";
        });
        WebClient visitor = visitor();
        long before = sessionRows();

        for (int view = 0; view < 20; view++) {
            for (String path : List.of("/fournisseurs", "/fournisseurs?q=" + word, "/fournisseurs?q=espaces+verts&kind=SIAE&page=" + (view % 3 + 1),
                "/fournisseurs?sectorGroup=espaces-verts&communeRecherche=Bondy", "/fournisseurs/" + supplier.slug(), "/",
                "/api/v1/suppliers/search?q=" + word)) {
                HttpResponse<String> response = visitor.get(path);
                assertEquals(200, response.statusCode(), path);
                assertTrue(response.headers().allValues("set-cookie").isEmpty(), "no cookie for reading " + path);
            }
        }

        assertNull(visitor.cookie("SESSION"));
        assertEquals(before, sessionRows(), "140 anonymous page views, no session row");
    }

    @Test
    void aVisitorWhoBrowsedCanStillRegisterThroughTheFormThatPosts() {
        WebClient visitor = visitor();
        visitor.get("/fournisseurs?q=nettoyage");
        assertNull(visitor.cookie("SESSION"));

        var form = visitor.page("/inscription").selectFirst("form[method=post][action=/inscription]");

        assertNotNull(visitor.cookie("SESSION"), "the registration page opens a session for its token");
        assertFalse(form.select("input[name=_csrf]").attr("value").isBlank());
        HttpResponse<String> response = visitor.post("/inscription", registration());
        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/inscription/confirmation", response.headers().firstValue("location").orElseThrow());
    }

    @Test
    void aFormPostWithoutTheSessionOfItsPageIsStillRefused() {
        WebClient visitor = visitor();
        visitor.get("/inscription");
        WebClient other = visitor();

        HttpResponse<String> response = other.postRaw("/inscription", withToken(registration(), visitor.csrfToken()));

        assertEquals(403, response.statusCode());
    }

    @Test
    void signedInPagesKeepTheirTokenOnEveryPage() {
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD).statusCode());

        var page = Jsoup.parse(buyer.get("/fournisseurs?q=nettoyage").body());

        assertEquals(buyer.csrfToken(), page.select("form[action=/deconnexion] input[name=_csrf]").attr("value"));
        assertFalse(buyer.csrfToken().isBlank());
        assertEquals(303, buyer.post("/deconnexion", Map.of()).statusCode(), "signing out still works");
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> fields = new HashMap<>(form);
        fields.put("_csrf", token);
        return fields;
    }

    private static Map<String, String> registration() {
        String siret = Sirets.next();
        Map<String, String> form = new HashMap<>();
        form.put("siret", siret);
        form.put("name", "Recyclerie " + UniqueWords.next());
        form.put("legalForm", "ASSOCIATION");
        form.put("size", "TPE");
        form.put("kind", "ACI");
        form.put("communeQuery", "Bondy");
        form.put("areaOwnCommune", "on");
        form.put("sectors", "espaces-verts-entretien");
        form.put("description", "Chantier d’insertion : réemploi et réparation.");
        form.put("contactName", "Camille Martin");
        form.put("contactEmail", "anonyme-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example");
        return form;
    }
}
