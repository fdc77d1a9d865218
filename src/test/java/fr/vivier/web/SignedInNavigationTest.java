package fr.vivier.web;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.TestSuppliers;
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

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A signed-in person is never offered to sign in: every page, public ones and error pages included, knows who they are. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInNavigationTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    DirectoryService directory;

    @Test
    void noPageOffersToSignInToSomeoneSignedIn() {
        var supplier = TestSuppliers.register(directory);
        directory.changeStatus(supplier.id(), SupplierStatus.PUBLISHED, null, "test");
        String slug = directory.find(supplier.id()).orElseThrow().slug();
        for (Role role : List.of(Role.STAFF, Role.BUYER)) {
            WebClient browser = new WebClient(server.getURI());
            assertEquals(303, browser.signIn(TestAccounts.create(accounts, role), TestAccounts.PASSWORD).statusCode());
            for (String path : List.of("/", "/fournisseurs", "/fournisseurs/" + slug, "/inscription", "/mon-profil", "/accessibilite",
                "/mentions-legales", "/donnees-personnelles", "/page-qui-n-existe-pas", "/achats-moins-40k", "/acheteurs")) {
                HttpResponse<String> response = browser.get(path);
                Document page = Jsoup.parse(response.body());
                String where = role + " " + path + " (" + response.statusCode() + ")";
                assertTrue(page.select("a[href^=/connexion]").isEmpty(), where + " offers to sign in");
                assertTrue(page.select("a:contains(Se connecter)").isEmpty(), where);
                assertNotNull(page.selectFirst("form[action=/deconnexion] button"), where + " lacks the sign-out button");
                assertTrue(page.selectFirst(".navigation__compte").text().startsWith("Test "), where);
            }
        }
    }
}
