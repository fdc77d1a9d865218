package fr.vivier.buyers;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published suppliers carrying a unique word (so a test only sees its own), buyers signed in, raw downloads. */
final class BuyerTestData {
    static final String GREEN_SPACES = "espaces-verts-entretien";

    private BuyerTestData() {
    }

    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zorb");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
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

    /** A download as bytes, with the browser's session cookie. */
    static HttpResponse<byte[]> download(URI server, WebClient browser, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/$", "") + path))
            .header("Cookie", "SESSION=" + browser.cookie("SESSION")).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition, Duration timeout) {
        fr.vivier.search.SearchTestData.await(condition, timeout);
    }
}
