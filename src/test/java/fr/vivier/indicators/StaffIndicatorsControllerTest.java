package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.programming.LineStatus;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
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
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffIndicatorsControllerTest implements IntegrationTest {
    private static final String PATH = "/agents/indicateurs";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    ProgrammingService programming;
    @Inject
    IndicatorSettings settings;

    private WebClient signedIn(Role role, String direction) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        accounts.createWithPasswordIfAbsent(email, "Test " + role.label(), role, direction, TestAccounts.PASSWORD);
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        browser.get(PATH);
        return browser;
    }

    /** Two lines of the direction in that year, one launched: 50 % of the lines, 30 000 of 40 000 € (75 %). */
    private String directionWithTwoLines(int year) {
        String direction = "Direction " + UUID.randomUUID().toString().substring(0, 8);
        long launched = TestLines.create(programming, draft -> {
            draft.year = String.valueOf(year);
            draft.direction = direction;
            draft.amount = "30 000";
        });
        assertTrue(programming.changeStatus(launched, LineStatus.LAUNCHED, "https://marches.example/c/" + launched, TestLines.staff()).isEmpty());
        TestLines.create(programming, draft -> {
            draft.year = String.valueOf(year);
            draft.direction = direction;
            draft.amount = "10 000";
        });
        return direction;
    }

    private static Map<String, String> settingForm(String target, String kind, String measure) {
        return settingForm(target, kind, measure, "2031");
    }

    /** Targets are set on years no other test reads, so that a test's figures never depend on another's target. */
    private static Map<String, String> settingForm(String target, String kind, String measure, String year) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("suivi", "on");
        form.put("anneeReference", "2025");
        form.put("annee", year);
        form.put("cible", target);
        form.put("typeCible", kind);
        form.put("mesure", measure);
        return form;
    }

    @Test
    void staffSeeADirectionsFiguresWithTheirChartTableAndDrillDown() {
        String direction = directionWithTwoLines(2027);
        WebClient staff = signedIn(Role.STAFF, null);
        Document page = staff.page(PATH + "?annee=2027&direction=" + java.net.URLEncoder.encode(direction, java.nio.charset.StandardCharsets.UTF_8));
        Element card = page.getElementById("indicateur-PROGRAMMED_VS_LAUNCHED");
        assertNotNull(card, page.text());
        assertEquals("50 %", card.selectFirst(".chiffre__valeur").text());
        assertTrue(card.text().contains("Lignes : 1 sur 2 (50 %)"), card.text());
        // the chart has its title and description, and a table beside it with the same numbers
        Element svg = card.selectFirst("svg.graphique");
        assertEquals("img", svg.attr("role"));
        assertTrue(svg.selectFirst("title").text().contains("par trimestre, 2027 et 2026"));
        assertTrue(svg.selectFirst("desc").text().contains("2e trimestre : 50 % en 2027"), svg.selectFirst("desc").text());
        assertEquals("50 %", card.select("table tbody tr").get(1).select("td").get(0).text());
        // the number opens the list of lines behind it
        Document records = staff.page(card.selectFirst("a.chiffre__valeur").attr("href"));
        assertEquals(1, records.select("table tbody tr").size(), records.text());
        Document all = staff.page(card.selectFirst("a:contains(Voir l’ensemble de référence)").attr("href"));
        assertEquals(2, all.select("table tbody tr").size());
        HttpResponse<String> csv = staff.get(card.selectFirst("a.chiffre__valeur").attr("href").replace("/enregistrements?", "/enregistrements.csv?"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("30000"), csv.body());
    }

    @Test
    void aBuyerSeesItsOwnDirectionWhateverItAsksFor() {
        String direction = directionWithTwoLines(2027);
        WebClient buyer = signedIn(Role.BUYER, direction);
        Document page = buyer.page(PATH + "?annee=2027&direction=Autre");
        assertTrue(page.text().contains("Chiffres de votre direction : " + direction), page.text());
        assertEquals("50 %", page.getElementById("indicateur-PROGRAMMED_VS_LAUNCHED").selectFirst(".chiffre__valeur").text());
        assertTrue(page.select("input[name=direction]").isEmpty());
        // no settings form for a buyer, and its post is refused
        Document indicator = buyer.page(PATH + "/PROGRAMMED_VS_LAUNCHED?annee=2027");
        assertTrue(indicator.select("form[method=post][action=/agents/indicateurs/PROGRAMMED_VS_LAUNCHED]").isEmpty());
        assertEquals(403, buyer.post(PATH + "/PROGRAMMED_VS_LAUNCHED", settingForm("30", "PERCENT", "CONTRACTS")).statusCode());
    }

    @Test
    void anIndicatorSavedWithoutBaselineYearComesBackEmptyAndSavesAgain() {
        WebClient staff = signedIn(Role.STAFF, null);
        staff.get(PATH + "/MUTUALISED");
        Map<String, String> form = settingForm("", "", "", "2031");
        form.put("anneeReference", "");
        assertEquals(303, staff.post(PATH + "/MUTUALISED", form).statusCode());
        Document indicator = staff.page(PATH + "/MUTUALISED?annee=2031");
        // it was read back as « 0 », which the form then refused as a year
        assertEquals("", indicator.getElementById("champ-anneeReference").val());
        assertEquals(303, staff.post(PATH + "/MUTUALISED", form).statusCode());
    }

    @Test
    void staffSetATargetAndTheDashboardShowsTheProgress() {
        String direction = directionWithTwoLines(2029);
        WebClient staff = signedIn(Role.STAFF, null);
        staff.get(PATH + "/PROGRAMMED_VS_LAUNCHED");
        HttpResponse<String> saved = staff.post(PATH + "/PROGRAMMED_VS_LAUNCHED", settingForm("80", "PERCENT", "AMOUNT_HT", "2029"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(PATH + "/PROGRAMMED_VS_LAUNCHED?annee=2029&succes=1", saved.headers().firstValue("location").orElseThrow());
        Document indicator = staff.page(PATH + "/PROGRAMMED_VS_LAUNCHED?annee=2029&succes=1");
        assertTrue(indicator.text().contains("Les réglages de l’indicateur sont enregistrés."));
        assertTrue(indicator.text().contains("2029 : 80 % du montant HT"), indicator.text());
        assertEquals("2025", indicator.getElementById("champ-anneeReference").val());

        Document dashboard = staff.page(PATH + "?annee=2029&direction=" + java.net.URLEncoder.encode(direction, java.nio.charset.StandardCharsets.UTF_8));
        Element card = dashboard.select("section[aria-labelledby=titre-suivis]").first().getElementById("indicateur-PROGRAMMED_VS_LAUNCHED");
        assertNotNull(card, "l’indicateur suivi est dans la section des indicateurs suivis");
        // measured in € HT: 30 000 of 40 000 = 75 %, i.e. 93 % of the 80 % target
        assertEquals("75 %", card.selectFirst(".chiffre__valeur").text());
        assertTrue(card.text().contains("Cible 2029 : 80 % du montant HT"), card.text());
        assertTrue(card.text().contains("93 % de la cible"), card.text());
        assertEquals("img", card.selectFirst("svg.progression__barre").attr("role"));
    }

    @Test
    void aWrongTargetKeepsTheInputAndSaysWhyNextToTheField() {
        WebClient staff = signedIn(Role.STAFF, null);
        Map<String, String> form = settingForm("130", "PERCENT", "CONTRACTS");
        form.put("publie", "on");
        HttpResponse<String> refused = staff.post(PATH + "/ACTIVE_INCLUSIVE_SUPPLIERS", form);
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.selectFirst("#resume-erreurs").text().contains("Le formulaire contient"));
        assertEquals("130", page.getElementById("champ-cible").val());
        assertEquals("true", page.getElementById("champ-cible").attr("aria-invalid"));
        assertTrue(page.getElementById("erreur-cible").text().length() > 0);
        assertTrue(page.getElementById("erreur-publie").text().contains("pas encore calculé"));
        assertTrue(page.getElementById("erreur-typeCible").text().contains("nombre"), page.getElementById("erreur-typeCible").text());
        assertTrue(page.getElementById("champ-suivi").hasAttr("checked"));
        assertFalse(settings.of("ACTIVE_INCLUSIVE_SUPPLIERS").published());
    }

    @Test
    void aTooLongFieldKeepsTheInputToo() {
        WebClient staff = signedIn(Role.STAFF, null);
        Map<String, String> form = settingForm("1".repeat(40), "COUNT", "CONTRACTS");
        HttpResponse<String> refused = staff.post(PATH + "/RECONTACT", form);
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals("1".repeat(40), page.getElementById("champ-cible").val());
        assertEquals("La cible ne doit pas dépasser 30 caractères.", page.getElementById("erreur-cible").text());
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() {
        WebClient staff = signedIn(Role.STAFF, null);
        HttpResponse<String> refused = staff.postRaw(PATH + "/RECONTACT", settingForm("5", "COUNT", "CONTRACTS"));
        assertEquals(403, refused.statusCode());
    }

    @Test
    void theCatalogueListsTheThirtyTwoIndicatorsAndSaysWhichAreComputed() {
        WebClient staff = signedIn(Role.STAFF, null);
        Document page = staff.page(PATH + "/catalogue");
        assertEquals(32, page.select("tbody tr").size());
        Element recontact = page.select("tbody tr").stream().filter(row -> row.text().contains("RECONTACT")).findFirst().orElseThrow();
        assertTrue(recontact.text().contains("Calculé"));
        Element citizen = page.select("tbody tr").stream().filter(row -> row.text().contains("ACTIVE_INCLUSIVE_SUPPLIERS")).findFirst().orElseThrow();
        assertTrue(citizen.text().contains("Pas encore calculé"));
        Document definition = staff.page(PATH + "/SME_UNDER_40K");
        assertTrue(definition.text().contains("Achats de moins de 40 000 € HT notifiés dont les titulaires sont renseignés"), definition.text());
    }

    @Test
    void aCompletedSourcingSheetCountsAsOneSourcingOfItsDirection() {
        String direction = "Direction " + UUID.randomUUID().toString().substring(0, 8);
        long line = TestLines.create(programming, draft -> draft.direction = direction);
        TestLines.create(programming, draft -> draft.direction = direction);
        WebClient staff = signedIn(Role.STAFF, null);
        staff.get("/fiches-sourcing/" + line);
        assertEquals(303, staff.post("/fiches-sourcing/" + line, Map.of("questions", "Délais ?", "resume", "")).statusCode());
        assertEquals(303, staff.post("/fiches-sourcing/" + line + "/reponses", Map.of("nomFournisseur", "Atelier", "reponse", "Trois semaines")).statusCode());
        assertEquals(303, staff.post("/fiches-sourcing/" + line, Map.of("questions", "Délais ?", "resume", "Trois semaines", "terminee", "on")).statusCode());
        int year = fr.vivier.web.FrenchFormat.today(java.time.Clock.systemUTC()).getYear();
        // one sheet completed of the two lines of the direction: 1 sourcing
        Document page = staff.page(PATH + "?annee=" + year + "&direction=" + java.net.URLEncoder.encode(direction, java.nio.charset.StandardCharsets.UTF_8));
        Element card = page.getElementById("indicateur-SOURCINGS");
        assertEquals("1", card.selectFirst(".chiffre__valeur").text(), card.text());
        assertTrue(card.select("a.chiffre__valeur").isEmpty(), "pas de liste derrière ce nombre");
    }

    @Test
    void anUnknownIndicatorIsNotFound() {
        WebClient staff = signedIn(Role.STAFF, null);
        assertEquals(404, staff.get(PATH + "/NOPE").statusCode());
    }
}
