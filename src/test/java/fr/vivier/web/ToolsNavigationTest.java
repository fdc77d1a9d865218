package fr.vivier.web;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tools of buyers and staff are grouped in a few menus, not one bar of seventeen links; each link answers. */
@MicronautTest(transactional = false)
class ToolsNavigationTest implements IntegrationTest {
    private static final String TOOLS = "nav[aria-label=Espace acheteurs et agents]";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;

    @Test
    void staffSeeFourMenusWhoseLinksAllAnswerAndTheCurrentPagesMenuIsMarked() {
        WebClient browser = new WebClient(server.getURI());
        browser.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD);
        Document page = Jsoup.parse(browser.get("/journal").body());

        assertEquals(List.of("Sourcer", "Programmation et achats", "Pilotage", "Annuaire"), page.select(TOOLS + " summary").eachText());
        assertEquals(List.of("Sourcer"), page.select(TOOLS + " details.menu--courant > summary").eachText());
        assertEquals("Journal de sourcing", page.selectFirst(TOOLS + " a[aria-current=page]").text());
        assertTrue(page.select("nav[aria-label=Navigation principale] li").size() <= 7, "the main bar keeps the public pages");
        for (Element link : page.select(TOOLS + " a")) {
            assertEquals(200, browser.get(link.attr("href")).statusCode(), link.text());
        }
    }

    @Test
    void buyersSeeTheirToolsWithoutTheStaffsDirectoryMenu() {
        WebClient browser = new WebClient(server.getURI());
        browser.signIn(TestAccounts.create(accounts, Role.BUYER), TestAccounts.PASSWORD);
        Document page = Jsoup.parse(browser.get("/acheteurs").body());

        assertEquals(List.of("Sourcer", "Programmation et achats", "Pilotage"), page.select(TOOLS + " summary").eachText());
        assertNull(page.selectFirst(TOOLS + " a[href=/agents/fiches]"));
        assertEquals("Mes outils", page.selectFirst(TOOLS + " a[aria-current=page]").text());
        for (Element link : page.select(TOOLS + " a")) {
            assertEquals(200, browser.get(link.attr("href")).statusCode(), link.text());
        }
    }

    @Test
    void visitorsSeeNoToolsBar() {
        Document page = Jsoup.parse(new WebClient(server.getURI()).get("/").body());

        assertNull(page.selectFirst(TOOLS));
    }
}
