package fr.vivier.web;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.RawHttpConnection;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every error path of the form and JSON routes answers, in French, again and again, and the heap stays flat.
 *
 * <p>The requests are sent the way a browser on a real network sends them: headers first, body a moment later.
 * That is what made a staff form POST ending in 404 loop forever inside Micronaut and fill the heap (a status
 * route run after a route whose body had not arrived yet); Java's HTTP clients send both at once and never
 * showed it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPathsTest implements IntegrationTest {
    private static final int ROUNDS = 19;
    private static final long BODY_DELAY_MILLIS = 20;
    private static final long MAX_HEAP_GROWTH = 48L * 1024 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @Inject
    EmbeddedServer server;
    @Inject
    AccountService accounts;
    @Inject
    DirectoryService directory;

    private record Case(String name, String path, String contentType, String body, Map<String, String> headers,
                        int expectedStatus, Predicate<String> frenchBody) { }

    private final List<Case> cases = new ArrayList<>();

    @Override
    public Map<String, String> extraProperties() {
        // forged addresses, believed because the test client is the "proxy": the throttled paths get their own address
        return Map.of("vivier.trusted-proxies", "127.0.0.1,::1", "vivier.forms.max-per-ip-per-hour", "3");
    }

    @BeforeAll
    void prepareCases() {
        Session staff = signedIn(Role.STAFF);
        Session buyer = signedIn(Role.BUYER);
        Supplier existing = TestSuppliers.register(directory);
        long missing = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        String throttledIp = randomIp();
        String lockedAccount = TestAccounts.create(accounts, Role.BUYER);
        String duplicateSiret = existing.siret();

        Predicate<String> notFoundPage = body -> body.contains("Page introuvable");
        Predicate<String> forbiddenPage = body -> body.contains("Accès refusé");
        Predicate<String> jsonMessage = body -> body.startsWith("{") && body.contains("\"message\"");
        for (String action : List.of("fusion", "refus", "suspension", "publication")) {
            cases.add(new Case("staff " + action + " of an unknown supplier", "/agents/fiches/" + missing + "/" + action, FORM,
                form(staff.csrf, "duplicateId", "1", "rejectionReason", "doublon", "suspensionReason", "doublon"),
                staff.headers(), 404, notFoundPage));
        }
        cases.add(new Case("staff form with an unreadable id", "/agents/fiches/abc/refus", FORM,
            form(staff.csrf, "rejectionReason", "doublon"), staff.headers(), 400, body -> body.contains("Requête invalide")));
        cases.add(new Case("staff form without its CSRF token", "/agents/fiches/" + missing + "/refus", FORM,
            "rejectionReason=doublon", staff.headers(), 403, forbiddenPage));
        cases.add(new Case("buyer posting a staff form", "/agents/fiches/" + existing.id() + "/refus", FORM,
            form(buyer.csrf, "rejectionReason", "doublon"), buyer.headers(), 403, forbiddenPage));
        cases.add(new Case("staff refusal without a reason", "/agents/fiches/" + existing.id() + "/refus", FORM,
            form(staff.csrf, "rejectionReason", ""), staff.headers(), 422, body -> body.contains("motif")));
        cases.add(new Case("registration form over the hourly limit", "/inscription", FORM,
            form(anonymousCsrf(throttledIp).csrf, "name", "Trop de tentatives"), Map.of("X-Forwarded-For", throttledIp,
                "Cookie", lastAnonymous.cookie), 429, body -> body.contains("Trop")));
        cases.add(new Case("sign-in of a throttled account", "/connexion", FORM,
            form(lastAnonymous.csrf, "email", lockedAccount, "password", "pas le bon mot de passe"),
            Map.of("X-Forwarded-For", throttledIp, "Cookie", lastAnonymous.cookie), 429, body -> body.contains("tentatives")));
        cases.add(new Case("API with a body that is not JSON", "/api/v1/suppliers", JSON, "{\"siret\": [1,",
            Map.of(), 400, jsonMessage.or(body -> body.contains("JSON invalide"))));
        cases.add(new Case("API with invalid data", "/api/v1/suppliers", JSON, "{\"siret\":\"123\"}", Map.of(), 400,
            body -> body.contains("SIRET")));
        cases.add(new Case("API registration of a registered SIRET", "/api/v1/suppliers", JSON,
            "{\"siret\":\"%s\",\"name\":\"Doublon\",\"legalForm\":\"SCOP\",\"size\":\"TPE\",\"kind\":\"COOPERATIVE\",\"communeCode\":\"93048\",\"interventionArea\":[{\"type\":\"DEPARTEMENT\",\"code\":\"93\"}],\"sectors\":[\"textile-confection\"],\"description\":\"Doublon.\",\"contact\":{\"name\":\"Dominique Durand\",\"email\":\"doublon@test.vivier.example\"},\"consents\":{\"publishContact\":true,\"recontact\":true,\"alerts\":false}}"
                .formatted(duplicateSiret), Map.of(), 409, jsonMessage));
        cases.add(new Case("API over the hourly limit", "/api/v1/suppliers", JSON, "{}", Map.of("X-Forwarded-For", throttledIp), 429,
            jsonMessage));
        Session anonymous = anonymousCsrf(randomIp());
        cases.add(new Case("API with an unsupported media type", "/api/v1/suppliers", FORM, "siret=1",
            Map.of("Cookie", anonymous.cookie, "X-CSRF-Token", anonymous.csrf), 415, jsonMessage));
        cases.add(new Case("API with an unknown media type and no CSRF token", "/api/v1/suppliers", "application/xml", "<a/>",
            Map.of(), 403, jsonMessage));
        exhaust(throttledIp, lockedAccount);
    }

    @Test
    void everyErrorPathAnswersInFrenchHundredsOfTimesWithAFlatHeap() throws Exception {
        runRound();
        long before = usedHeapAfterGc();
        int requests = 0;
        for (int round = 0; round < ROUNDS; round++) {
            requests += runRound();
        }
        long growth = usedHeapAfterGc() - before;
        System.out.printf("error paths: %d requests, heap after GC %d MB before, growth %d KB%n",
            requests, before / (1024 * 1024), growth / 1024);
        assertTrue(requests >= 300, "requests sent: " + requests);
        assertTrue(growth < MAX_HEAP_GROWTH, "heap grew by " + growth / (1024 * 1024) + " MB over " + requests + " error responses");
    }

    /** One pass over every case, on one kept-alive connection, each body sent after its headers. */
    private int runRound() throws Exception {
        int sent = 0;
        try (RawHttpConnection connection = new RawHttpConnection(server.getURI(), 10_000)) {
            for (Case c : cases) {
                Map<String, String> headers = new LinkedHashMap<>(c.headers());
                headers.putIfAbsent("X-Forwarded-For", randomIp());
                RawHttpConnection.Response response;
                try {
                    response = connection.post(c.path(), headers, c.contentType(), c.body(), BODY_DELAY_MILLIS);
                } catch (SocketTimeoutException e) {
                    fail("no answer within 10 s: " + c.name());
                    return sent;
                }
                assertEquals(c.expectedStatus(), response.status(), c.name() + ": " + response.body());
                assertTrue(c.frenchBody().test(response.body()), c.name() + " answered without its French message: " + response.body());
                assertTrue(response.headers().containsKey("content-security-policy"), c.name() + " lacks the security headers");
                sent++;
            }
        }
        return sent;
    }

    private record Session(String cookie, String csrf) {
        Map<String, String> headers() {
            return Map.of("Cookie", cookie);
        }
    }

    private Session lastAnonymous;

    private Session signedIn(Role role) {
        WebClient browser = new WebClient(server.getURI()).header("X-Forwarded-For", randomIp());
        assertEquals(303, browser.signIn(TestAccounts.create(accounts, role), TestAccounts.PASSWORD).statusCode());
        browser.get("/");
        return new Session("SESSION=" + browser.cookie("SESSION"), browser.csrfToken());
    }

    private Session anonymousCsrf(String ip) {
        WebClient browser = new WebClient(server.getURI()).header("X-Forwarded-For", ip);
        browser.get("/connexion");
        lastAnonymous = new Session("SESSION=" + browser.cookie("SESSION"), browser.csrfToken());
        return lastAnonymous;
    }

    /** Uses up the hourly form quota and the sign-in attempts of the throttled address. */
    private void exhaust(String ip, String account) {
        WebClient browser = new WebClient(server.getURI()).header("X-Forwarded-For", ip);
        for (int i = 0; i < 3; i++) {
            browser.get("/inscription");
            browser.post("/inscription", Map.of("name", "Quota"));
        }
        for (int i = 0; i < 5; i++) {
            browser.get("/connexion");
            browser.post("/connexion", Map.of("email", account, "password", "pas le bon mot de passe"));
        }
    }

    private static String form(String csrf, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        return values.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
