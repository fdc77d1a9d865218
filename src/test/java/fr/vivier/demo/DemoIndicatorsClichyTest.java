package fr.vivier.demo;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.indicators.IndicatorSettings;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Started with VIVIER_DEMO_PROFILE=clichy, the demo authority follows Clichy-la-Garenne's SPASER targets. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIndicatorsClichyTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DemoIndicators demo;
    @Inject
    IndicatorSettings settings;
    @Inject
    AccountService accounts;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.demo-profile", "clichy");
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void theDashboardShowsClichysTargetsOfTheYear() {
        assertEquals(DemoProfile.CLICHY, demo.profile());
        int year = yearWithoutTargets();
        clock.pinTo(LocalDateTime.of(year, 3, 10, 9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertEquals(Map.of(), demo.load());

        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        Document page = staff.page("/agents/indicateurs?annee=" + year);
        assertEquals("Cible " + year + " : 10", target(page, "SOURCINGS"));
        assertEquals("Cible " + year + " : 3", target(page, "RESERVED_CONTRACTS"));
        assertEquals("Cible " + year + " : 30 % du montant HT", target(page, "SOCIAL_CONSIDERATION"));
        assertEquals("Cible " + year + " : 2", target(page, "WORKSHOPS"));
        assertEquals("Cible " + year + " : 5", target(page, "EQUALITY_CRITERIA"));
        // not one of Clichy's: the default profile's 48 % local has no place here
        assertEquals("Pas de cible pour " + year, target(page, "LOCAL_SPEND"));
        assertTrue(settings.of("SOURCINGS").followed());
    }

    @Test
    void aMisspeltProfileStopsTheStartWithTheProfilesThatExist() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DemoProfile.named("clichi"));
        assertTrue(refused.getMessage().contains("default, aix, clichy"), refused.getMessage());
        assertEquals(DemoProfile.AIX, DemoProfile.named(" Aix "));
    }

    /** A year for which no test has set a target of the profile yet (the test database lives on). */
    private int yearWithoutTargets() {
        for (int year = 2060; year <= 2099; year++) {
            int candidate = year;
            if (DemoProfile.CLICHY.codes().stream().allMatch(code -> settings.targets(code).stream().noneMatch(t -> t.year() == candidate))
                && settings.targets("LOCAL_SPEND").stream().noneMatch(t -> t.year() == candidate)) {
                return year;
            }
        }
        throw new AssertionError("plus d’année libre entre 2060 et 2099 : recréez la base de test");
    }

    private static String target(Document page, String code) {
        Element card = page.getElementById("indicateur-" + code);
        assertNotNull(card, code + " absent du tableau de bord");
        return card.selectFirst(".cible").text().replace('\u00a0', ' ');
    }
}
