package fr.vivier.buyers;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Buyers signed in, and the contacts and sector the buyers tests give their suppliers. */
final class BuyerTestData {
    static final String GREEN_SPACES = "espaces-verts-entretien";

    private BuyerTestData() {
    }

    static String contactEmail() {
        return "contact-" + UUID.randomUUID() + "@test.vivier.example";
    }

    static WebClient signedIn(URI server, AccountService accounts, Role role) {
        String email = TestAccounts.create(accounts, role);
        WebClient browser = new WebClient(server);
        assertEquals(303, browser.signIn(email, TestAccounts.PASSWORD).statusCode());
        return browser;
    }

    static long accountId(AccountService accounts, String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }
}
