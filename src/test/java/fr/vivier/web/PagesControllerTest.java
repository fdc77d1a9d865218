package fr.vivier.web;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Test
    void homePageSpeaksToEachKindOfUserInFrench() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/");
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("fr", page.selectFirst("html").attr("lang"));
        assertTrue(page.title().contains("Accueil"));
        assertEquals(1, page.select("h1").size());
        String text = page.text();
        assertTrue(text.contains("Ville de Démo-sur-Loire"), "authority name from configuration");
        assertTrue(text.contains("Acheteurs"));
        assertTrue(text.contains("ESS"));
        assertNotNull(page.selectFirst("a.lien-evitement[href=#contenu]"), "skip link");
        assertNotNull(page.selectFirst("#contenu"), "skip link target");
        assertNotNull(page.selectFirst("footer a[href=/accessibilite]"));
        assertNotNull(page.selectFirst("footer a[href=/mentions-legales]"));
        assertNotNull(page.selectFirst("footer a[href=/donnees-personnelles]"));
    }

    @Test
    void homePageOffersOnlyWhatWorksAndEachCardLeadsToItsPage() {
        WebClient visitor = new WebClient(server.getURI());
        Document page = visitor.page("/");
        String text = page.selectFirst("main").text().toLowerCase(java.util.Locale.FRENCH);
        assertTrue(!text.contains("citoyens"), "the home page announces a « citoyens » space, which does not exist");
        for (String landed : java.util.List.of("/programmation", "/rencontres", "/indicateurs")) {
            assertNotNull(page.selectFirst("main .carte a[href=" + landed + "]"), "the home page leads to " + landed);
        }
        var cards = page.select(".carte");
        assertEquals(4, cards.size());
        for (var card : cards) {
            String title = card.selectFirst("h3 a").attr("href");
            HttpResponse<String> target = visitor.get(title);
            assertTrue(target.statusCode() == 200 || target.headers().firstValue("location").orElse("").startsWith("/connexion?retour="),
                title + " answers " + target.statusCode());
            for (var link : card.select("a[href^=/]")) {
                int status = visitor.get(link.attr("href")).statusCode();
                assertTrue(status == 200 || status == 303, link.attr("href") + " answers " + status);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/accessibilite, Déclaration d’accessibilité",
        "/mentions-legales, Mentions légales",
        "/donnees-personnelles, Données personnelles"})
    void statutoryPagesAreServedWithTheirTitle(String path, String expectedTitle) {
        HttpResponse<String> response = new WebClient(server.getURI()).get(path);
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        String heading = page.selectFirst("h1").text().replace('\'', '’');
        assertTrue(heading.contains(expectedTitle) || page.title().replace('\'', '’').contains(expectedTitle),
            "h1 was " + heading);
    }

    @Test
    void unknownPageGivesTheFrench404Page() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/page-qui-n-existe-pas");
        assertEquals(404, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).selectFirst("h1").text().contains("introuvable"));
    }

    @Test
    void unknownApiPathGivesJson404() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/api/v1/inconnu");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void themeStylesheetCarriesTheConfiguredColours() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/theme.css");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("--couleur-principale: #1d4f91"));
    }

    @Test
    void stylesheetIsServed() {
        HttpResponse<String> response = new WebClient(server.getURI()).get("/static/css/vivier.css");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains(":focus-visible"));
    }
}
