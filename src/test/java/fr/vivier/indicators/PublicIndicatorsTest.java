package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public page and the open data show the published indicators only, aggregated; staff get the whole catalogue. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicIndicatorsTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    IndicatorSettings settings;
    @Inject
    IndicatorCatalogue catalogue;
    @Inject
    AccountService accounts;
    @Inject
    JsonMapper json;

    @BeforeAll
    void publishWorkshopsOnlyAndFollowRecontact() {
        assertTrue(settings.save(catalogue.find("WORKSHOPS").orElseThrow(), new SettingForm("on", "on", "", "2035", "2", "COUNT", "CONTRACTS"),
            true, "Agent de test").isEmpty());
        assertTrue(settings.save(catalogue.find("RECONTACT").orElseThrow(), new SettingForm("on", null, "", "2035", "", "", ""),
            true, "Agent de test").isEmpty());
        // one whose numbers open their records on the dashboard: not on the public page
        assertTrue(settings.save(catalogue.find("PROGRAMMED_VS_LAUNCHED").orElseThrow(), new SettingForm("on", "on", "", "2035", "", "", ""),
            true, "Agent de test").isEmpty());
    }

    @Test
    void thePublicPageShowsThePublishedIndicatorsOnly() {
        Document page = new WebClient(server.getURI()).page("/indicateurs?annee=2035");
        assertTrue(page.getElementById("indicateur-WORKSHOPS") != null, page.text());
        assertTrue(page.getElementById("indicateur-RECONTACT") == null);
        assertTrue(page.text().contains("Cible 2035 : 2"), page.text());
        assertTrue(page.getElementById("indicateur-PROGRAMMED_VS_LAUNCHED") != null, page.text());
        assertTrue(page.select("main a[href^=/agents/]").isEmpty(), "aucun lien vers les enregistrements : " + page.select("main a[href^=/agents/]"));
        assertEquals("img", page.selectFirst("#indicateur-WORKSHOPS svg.graphique").attr("role"));
    }

    @Test
    void anUnreadableYearIsSaidInFrench() {
        HttpResponse<String> page = new WebClient(server.getURI()).get("/indicateurs?annee=20x5");
        assertEquals(422, page.statusCode());
        assertTrue(page.body().contains(Years.YEAR_ERROR.replace("’", "’")));
        assertEquals(400, new WebClient(server.getURI()).get("/api/v1/indicators?year=abcd").statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenDataGivesEachPublishedIndicatorWithItsCodeAndNumbers() throws IOException {
        HttpResponse<String> answer = new WebClient(server.getURI()).get("/api/v1/indicators?year=2035");
        assertEquals(200, answer.statusCode());
        Map<String, Object> body = json.readValue(answer.body(), Map.class);
        assertEquals(2035, ((Number) body.get("year")).intValue());
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) body.get("indicators");
        assertTrue(indicators.stream().anyMatch(i -> i.get("code").equals("WORKSHOPS")));
        assertFalse(indicators.stream().anyMatch(i -> i.get("code").equals("RECONTACT")), "suivi mais pas publié");
        Map<String, Object> workshops = indicators.stream().filter(i -> i.get("code").equals("WORKSHOPS")).findFirst().orElseThrow();
        assertEquals(0, ((Number) ((Map<String, Object>) workshops.get("figures")).get("count")).intValue());
        assertEquals(4, ((List<?>) workshops.get("quarters")).size());
        Map<String, Object> target = (Map<String, Object>) workshops.get("target");
        assertEquals("COUNT", target.get("kind"));
        assertEquals(2.0, ((Number) target.get("value")).doubleValue());

        HttpResponse<String> csv = new WebClient(server.getURI()).get("/api/v1/indicators.csv?year=2035");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("WORKSHOPS;"), csv.body());
        assertFalse(csv.body().contains("RECONTACT;"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void signedInStaffGetTheWholeCatalogueInTheOpenData() throws IOException {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(email, TestAccounts.PASSWORD).statusCode());
        Map<String, Object> body = json.readValue(staff.get("/api/v1/indicators?year=2035").body(), Map.class);
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) body.get("indicators");
        assertEquals(32, indicators.size());
        Map<String, Object> recontact = indicators.stream().filter(i -> i.get("code").equals("RECONTACT")).findFirst().orElseThrow();
        assertEquals(false, recontact.get("published"));
        assertEquals(true, recontact.get("computed"));
        Map<String, Object> citizen = indicators.stream().filter(i -> i.get("code").equals("POSITIVE_EXITS")).findFirst().orElseThrow();
        assertEquals(false, citizen.get("computed"));
    }
}
