package fr.vivier.accounts;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginControllerTest implements IntegrationTest {
    private static final java.util.Random RANDOM = new java.util.Random();
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    MutableClock clock;
    @Inject
    SecurityEventRepository securityEvents;

    @Override
    public Map<String, String> extraProperties() {
        // a lower per-account limit than production's 50 keeps the distributed-guessing test short
        return Map.of("vivier.trusted-proxies", "127.0.0.1,::1", "vivier.login-throttle.max-failures-per-account", "12");
    }

    /** Each simulated browser comes from its own IP, so that the per-IP limit of one test does not hit another. */
    private WebClient browser() {
        return browserFrom("10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256));
    }

    private WebClient browserFrom(String ip) {
        return new WebClient(server.getURI()).header("X-Forwarded-For", ip);
    }

    @Test
    void staffSignsInAndSeesTheirNameThenSignsOut() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient browser = browser();
        HttpResponse<String> signIn = browser.signIn(email, TestAccounts.PASSWORD);
        assertEquals(303, signIn.statusCode());
        assertEquals("/agents", signIn.headers().firstValue("location").orElseThrow(), "staff land on their dashboard");
        assertTrue(browser.get("/").body().contains("Test Agent"));

        HttpResponse<String> signOut = browser.post("/deconnexion", Map.of());
        assertEquals(303, signOut.statusCode());
        assertFalse(browser.get("/").body().contains("Test Agent"));
    }

    @Test
    void sessionIdChangesAtSignIn() {
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient browser = browser();
        browser.get("/connexion");
        String anonymousSession = browser.cookie("SESSION");
        assertNotNull(anonymousSession, "the sign-in form needs a session for its CSRF token");
        browser.post("/connexion", Map.of("email", email, "password", TestAccounts.PASSWORD));
        String signedInSession = browser.cookie("SESSION");
        assertNotEquals(anonymousSession, signedInSession);

        WebClient attacker = browser();
        attacker.setCookie("SESSION", anonymousSession);
        assertFalse(attacker.get("/").body().contains("Test Acheteur"), "the pre-login session must not be signed in");
    }

    @Test
    void oldCookieIsRefusedAfterSignOut() {
        String email = TestAccounts.create(accounts, Role.ADMIN);
        WebClient browser = browser();
        browser.signIn(email, TestAccounts.PASSWORD);
        String cookie = browser.cookie("SESSION");
        assertEquals(200, browser.get("/admin/comptes").statusCode());
        browser.post("/deconnexion", Map.of());

        WebClient replay = browser();
        replay.setCookie("SESSION", cookie);
        HttpResponse<String> response = replay.get("/admin/comptes");
        assertEquals(303, response.statusCode());
        assertTrue(response.headers().firstValue("location").orElseThrow().startsWith("/connexion"));
    }

    @Test
    void formPostWithoutCsrfTokenIsRefusedWith403() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient browser = browser();
        browser.get("/connexion");
        HttpResponse<String> response = browser.postRaw("/connexion", Map.of("email", email, "password", TestAccounts.PASSWORD));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("formulaire a expiré"));
        assertFalse(browser.get("/").body().contains("Test Agent"));
    }

    @Test
    void formPostWithAnotherSessionsTokenIsRefused() {
        WebClient victim = browser();
        victim.get("/connexion");
        WebClient attacker = browser();
        attacker.get("/connexion");
        HttpResponse<String> response = victim.postRaw("/connexion",
            Map.of("_csrf", attacker.csrfToken(), "email", "x@y.example", "password", "peu importe ici"));
        assertEquals(403, response.statusCode());
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameMessage() {
        String email = TestAccounts.create(accounts, Role.BUYER);
        HttpResponse<String> wrongPassword = browser().signIn(email, "mauvais mot de passe du tout");
        HttpResponse<String> unknown = browser().signIn("inconnu-" + email, "mauvais mot de passe du tout");
        assertEquals(422, wrongPassword.statusCode());
        assertEquals(422, unknown.statusCode());
        String first = Jsoup.parse(wrongPassword.body()).select(".alerte").text();
        String second = Jsoup.parse(unknown.body()).select(".alerte").text();
        assertEquals(LoginController.REFUSED, first);
        assertEquals(first, second);
    }

    @Test
    void emptyFieldsShowErrorsNextToTheFieldsAndKeepTheEmail() {
        WebClient browser = browser();
        browser.get("/connexion");
        HttpResponse<String> response = browser.post("/connexion", Map.of("email", "pas-une-adresse", "password", ""));
        assertEquals(422, response.statusCode());
        var page = Jsoup.parse(response.body());
        assertNotNull(page.selectFirst("#erreur-password"));
        assertNotNull(page.selectFirst("#erreur-email"));
        assertEquals("pas-une-adresse", page.selectFirst("#champ-email").attr("value"));
        assertNotNull(page.selectFirst(".resume-erreurs a[href=#champ-email]"));
        assertTrue(page.title().startsWith("Erreur"));
    }

    @Test
    void repeatedFailuresAreThrottledWith429AndTheBlockEndsAfterTheWindow() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient attacker = browser();
        for (int i = 0; i < 5; i++) {
            assertEquals(422, attacker.signIn(email, "essai numéro " + i + " raté").statusCode());
        }
        HttpResponse<String> blocked = attacker.signIn(email, TestAccounts.PASSWORD);
        assertEquals(429, blocked.statusCode());
        assertTrue(Jsoup.parse(blocked.body()).text().contains("Trop de tentatives"));

        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, attacker.signIn(email, TestAccounts.PASSWORD).statusCode());
    }

    @Test
    void guessesFromManyAddressesLockOutUnknownBrowsersButNotTheOwnersOwn() {
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient owner = browser();
        assertEquals(303, owner.signIn(email, TestAccounts.PASSWORD).statusCode());
        String device = owner.cookie("appareil");
        assertTrue(device != null && device.length() > 30, "the browser that signed in is remembered");

        for (int i = 0; i < 12; i++) {
            browser().signIn(email, "tentative " + i + " d'un attaquant");
        }
        assertEquals(429, browser().signIn(email, TestAccounts.PASSWORD).statusCode(), "an unknown browser is held back");

        WebClient ownerOnTheMove = browser();
        ownerOnTheMove.setCookie("appareil", device);
        assertEquals(303, ownerOnTheMove.signIn(email, TestAccounts.PASSWORD).statusCode(), "the owner's browser still signs in");

        WebClient forgedDevice = browser();
        forgedDevice.setCookie("appareil", "un-jeton-invente-par-l-attaquant-0123456789");
        assertEquals(429, forgedDevice.signIn(email, TestAccounts.PASSWORD).statusCode());

        WebClient ownerTyping = browser();
        ownerTyping.setCookie("appareil", device);
        for (int i = 0; i < 5; i++) {
            assertEquals(422, ownerTyping.signIn(email, "faute de frappe " + i).statusCode());
        }
        assertEquals(429, ownerTyping.signIn(email, TestAccounts.PASSWORD).statusCode(), "a trusted browser has its own limit");
    }

    @Test
    void oneIpTryingManyAccountsIsThrottledButOtherIpsAreNot() {
        String ip = "192.0.2." + RANDOM.nextInt(250);
        for (int i = 0; i < 20; i++) {
            browserFrom(ip).signIn("cible-" + i + "-" + RANDOM.nextInt() + "@test.vivier.example", "mot de passe deviné " + i);
        }
        String email = TestAccounts.create(accounts, Role.BUYER);
        assertEquals(429, browserFrom(ip).signIn(email, TestAccounts.PASSWORD).statusCode());
        assertEquals(303, browser().signIn(email, TestAccounts.PASSWORD).statusCode(), "the real user, elsewhere, still signs in");
    }

    @Test
    void securityHeadersAreOnEveryPage() {
        HttpResponse<String> response = browser().get("/");
        String csp = response.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(csp.contains("default-src 'self'"));
        assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElseThrow());
        assertTrue(response.headers().firstValue("referrer-policy").isPresent());
        // the sign-in page has a form, so it gives the visitor a session (for its CSRF token)
        String cookie = browser().get("/connexion").headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertTrue(!cookie.toLowerCase().contains("secure"), "no Secure flag on a plain-http development portal: " + cookie);
    }

    @Test
    void authenticatedPagesAreNotStored() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient browser = browser();
        browser.signIn(email, TestAccounts.PASSWORD);
        HttpResponse<String> response = browser.get("/");
        assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
    }

    @Test
    void signInCookieIsHttpOnlyAndSameSiteLax() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        WebClient browser = browser();
        browser.get("/connexion");
        HttpResponse<String> response = browser.post("/connexion", Map.of("email", email, "password", TestAccounts.PASSWORD));
        String cookie = response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    void anonymousVisitorOfAProtectedPageIsSentToSignInAndBroughtBack() {
        String email = TestAccounts.create(accounts, Role.ADMIN);
        WebClient browser = browser();
        HttpResponse<String> response = browser.get("/admin/comptes");
        assertEquals(303, response.statusCode());
        String location = response.headers().firstValue("location").orElseThrow();
        assertEquals("/connexion?retour=%2Fadmin%2Fcomptes", location);
        browser.get(location);
        HttpResponse<String> signIn = browser.post("/connexion", Map.of("email", email, "password", TestAccounts.PASSWORD,
            "retour", "/admin/comptes"));
        assertEquals("/admin/comptes", signIn.headers().firstValue("location").orElseThrow());
    }

    @Test
    void signInNeverRedirectsToAnotherSite() {
        assertEquals("/", LoginController.safeReturnPath("https://evil.example/"));
        assertEquals("/", LoginController.safeReturnPath("//evil.example/"));
        assertEquals("/", LoginController.safeReturnPath("/\\evil.example/"));
        assertEquals("/admin/comptes", LoginController.safeReturnPath("/admin/comptes"));
    }

    @Test
    void buyerIsRefusedTheAdminPageWithAFrench403AndTheRefusalIsJournaled() {
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient browser = browser();
        browser.signIn(email, TestAccounts.PASSWORD);
        HttpResponse<String> response = browser.get("/admin/comptes");
        assertEquals(403, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).selectFirst("h1").text().contains("Accès refusé"));
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        assertFalse(securityEvents.findByKindAndAccountIdOrderByIdDesc(SecurityEvent.ACCESS_DENIED, accountId).isEmpty());
    }

    @Test
    void securityJournalRecordsSignInsWithoutSecrets() {
        String email = TestAccounts.create(accounts, Role.STAFF);
        browser().signIn(email, "mauvais mot de passe du tout");
        browser().signIn(email, TestAccounts.PASSWORD);
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        assertEquals(1, securityEvents.findByKindAndAccountIdOrderByIdDesc(SecurityEvent.SIGN_IN_FAILURE, accountId).size());
        assertEquals(1, securityEvents.findByKindAndAccountIdOrderByIdDesc(SecurityEvent.SIGN_IN_SUCCESS, accountId).size());
        securityEvents.findAll().forEach(event -> {
            String detail = String.valueOf(event.detail());
            assertFalse(detail.contains(TestAccounts.PASSWORD));
            assertFalse(detail.contains("mauvais mot de passe"));
        });
    }
}
