package fr.vivier.web.session;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MutableClock;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions end: after 12 hours whatever the activity, and at once for a disabled account. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLifetimeTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    MutableClock clock;

    private WebClient signedIn(String email) {
        WebClient browser = new WebClient(server.getURI());
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        assertEquals(200, browser.get("/favoris").statusCode());
        return browser;
    }

    private static boolean sentToSignIn(WebClient browser) {
        var response = browser.get("/favoris");
        return response.statusCode() == 303 && response.headers().firstValue("location").orElse("").startsWith("/connexion");
    }

    @Test
    void disablingAnAccountEndsAllItsSessionsForGood() {
        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient office = signedIn(email);
        WebClient laptop = signedIn(email);
        Account account = accounts.findByEmail(email).orElseThrow();
        Account admin = accounts.findByEmail(TestAccounts.create(accounts, Role.ADMIN)).orElseThrow();

        accounts.setEnabled(account.id(), false, admin, "127.0.0.1");
        accounts.setEnabled(account.id(), true, admin, "127.0.0.1");

        assertTrue(sentToSignIn(office), "the session was deleted, not merely refused while the account was disabled");
        assertTrue(sentToSignIn(laptop));
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterSignIn() {
        WebClient browser = signedIn(TestAccounts.create(accounts, Role.BUYER));
        for (int hour = 1; hour <= 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertEquals(200, browser.get("/favoris").statusCode(), "still signed in after " + hour + " h of activity");
        }
        clock.advance(Duration.ofMinutes(61));
        assertTrue(sentToSignIn(browser));
    }
}
