package fr.vivier.directory;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/suppliers through a real server with generated bodies: whatever arrives, the answer is
 * 201, 400 with French field errors, 409 or 429, never a 5xx. jqwik does not run inside @MicronautTest,
 * so the class starts one server for all its tries.
 */
class RegistrationApiPropertiesTest implements IntegrationTest {
    private static final Set<Integer> EXPECTED = Set.of(201, 400, 409, 429);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static EmbeddedServer server;
    private static JsonMapper json;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.forms.max-per-ip-per-hour", "100000", "micronaut.server.port", "-1");
    }

    @BeforeContainer
    static void startServer() {
        server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(new RegistrationApiPropertiesTest().getProperties()), "test");
        json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    @AfterContainer
    static void stopServer() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Property(tries = 60)
    void anyValueInAnyFieldGivesAnExpectedStatus(@ForAll("paths") List<Object> path, @ForAll("jsonValues") Object value) throws Exception {
        Map<String, Object> body = validBody();
        replace(body, path, value);
        assertExpectedAnswer(post(toJson(body)), path + " = " + toJson(value));
    }

    @Property(tries = 40)
    void anyBodyGivesAnExpectedStatus(@ForAll("rawBodies") String body) throws Exception {
        assertExpectedAnswer(post(body), body);
    }

    @Property(tries = 5)
    void aValidRegistrationIsCreatedOnceThenConflicts() throws Exception {
        String body = toJson(validBody());
        HttpResponse<String> created = post(body);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("location").orElseThrow().startsWith("/api/v1/suppliers/"));
        assertEquals(409, post(body).statusCode());
    }

    private static void assertExpectedAnswer(HttpResponse<String> response, String sent) throws IOException {
        int status = response.statusCode();
        assertTrue(EXPECTED.contains(status), () -> "status " + status + " for " + abbreviate(sent) + " : " + abbreviate(response.body()));
        if (status == 400) {
            Map<?, ?> answer = json.readValue(response.body(), Map.class);
            List<?> errors = (List<?>) answer.get("errors");
            assertTrue(errors != null && !errors.isEmpty(), () -> "for " + abbreviate(sent) + " : " + response.body());
            for (Object error : errors) {
                Map<?, ?> fieldError = (Map<?, ?>) error;
                assertFalse(String.valueOf(fieldError.get("field")).isBlank(), response.body());
                assertTrue(String.valueOf(fieldError.get("message")).matches("(?s)[A-ZÀ-Ü].{10,}"), response.body());
            }
        }
    }

    @Provide
    Arbitrary<List<Object>> paths() {
        return Arbitraries.of(
            List.<Object>of("siret"), List.<Object>of("name"), List.<Object>of("tradeName"), List.<Object>of("legalForm"),
            List.<Object>of("size"), List.<Object>of("kind"), List.<Object>of("communeCode"), List.<Object>of("interventionArea"),
            List.<Object>of("interventionArea", 0, "type"), List.<Object>of("interventionArea", 0, "code"), List.<Object>of("sectors"),
            List.<Object>of("sectors", 0), List.<Object>of("labels"), List.<Object>of("labels", 0, "code"),
            List.<Object>of("labels", 0, "expiresOn"), List.<Object>of("labels", 0, "proof"), List.<Object>of("description"),
            List.<Object>of("offers"), List.<Object>of("offers", 0), List.<Object>of("references"),
            List.<Object>of("references", 0, "year"), List.<Object>of("website"), List.<Object>of("contact"),
            List.<Object>of("contact", "name"), List.<Object>of("contact", "email"), List.<Object>of("contact", "phone"),
            List.<Object>of("consents"), List.<Object>of("consents", "publishContact"), List.<Object>of("recontactRequest"),
            List.<Object>of("recontactRequest", "message"), List.<Object>of("unknownField"));
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        Arbitrary<String> texts = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
            Tuple.of(2, Arbitraries.of("", " ", "\u0000", "Nom\u0007", "🌱 Jardins", "\uD83C", "<script>alert(1)</script>", "93048",
                "2001-01-01", "2099-02-30", "qualiopi", "inconnu", "1234567890123", "123456789012345", "pas-un-email", "NATIONAL")),
            Tuple.of(1, Arbitraries.of("a", "é", "€").map(c -> c.repeat(10_000))));
        return Arbitraries.frequencyOf(
            Tuple.of(6, texts.map(text -> (Object) text)),
            Tuple.of(1, Arbitraries.longs().map(number -> (Object) number)),
            Tuple.of(1, Arbitraries.of(true, false, 1.5e308, -0.0).map(value -> (Object) value)),
            Tuple.of(1, Arbitraries.just(Map.of()).map(value -> (Object) value)),
            Tuple.of(2, texts.list().ofMaxSize(3).map(list -> (Object) list)),
            Tuple.of(1, texts.map(text -> (Object) Map.of("code", text, "type", text)))).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> rawBodies() {
        return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(60)),
            Tuple.of(3, Arbitraries.of("", "{", "}", "[]", "null", "\"texte\"", "42", "{\"siret\":", "{\"siret\": [1, 2,",
                "{\"contact\": []}", "{\"consents\": \"oui\"}", "{\"labels\": {}}", "{\"interventionArea\": [null, 3]}",
                "{\"siret\": \"\\u0000\"}", "{\"name\": \"\\ud800\"}", "{\"sectors\": [[[[[[[[[[[]]]]]]]]]]]}", "{\"siret\": 1e999}",
                "\uFEFF{}", "{\"name\": \"a\", \"name\": \"b\"}")),
            Tuple.of(1, Arbitraries.integers().between(1, 2000).map(depth -> "[".repeat(depth) + "]".repeat(depth))));
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", Sirets.next());
        body.put("name", "Atelier Textile de l’Ourcq");
        body.put("tradeName", "ATO");
        body.put("legalForm", "SCOP");
        body.put("size", "TPE");
        body.put("kind", "COOPERATIVE");
        body.put("communeCode", "93048");
        body.put("interventionArea", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("type", "EPCI", "code", "200057875")))));
        body.put("sectors", new ArrayList<>(List.of("textile-confection")));
        body.put("labels", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("code", "qualiopi", "proof", "N° 123", "expiresOn", "2099-01-31")))));
        body.put("description", "Retouche et confection.");
        body.put("offers", new ArrayList<>(List.of("Confection de tenues")));
        body.put("references", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("client", "Bailleur social", "year", "2020", "object", "Tenues")))));
        body.put("website", "atelier.example.org");
        body.put("contact", new LinkedHashMap<>(Map.of("name", "Dominique Durand", "role", "Gérante",
            "email", "prop-" + UUID.randomUUID() + "@test.vivier.example", "phone", "01 23 45 67 89")));
        body.put("consents", new LinkedHashMap<>(Map.of("publishContact", true, "recontact", true, "alerts", false)));
        body.put("recontactRequest", new LinkedHashMap<>(Map.of("topic", "Vêtements de travail", "message", "Nous produisons localement.")));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void replace(Map<String, Object> body, List<Object> path, Object value) {
        Object parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? ((List<Object>) parent).get(index) : ((Map<String, Object>) parent).get(step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) parent).set(index, value);
        } else {
            ((Map<String, Object>) parent).put((String) last, value);
        }
    }

    /** JSON written by hand so that any string goes through, lone surrogates included (as \\u escapes). */
    private static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((key, member) -> members.add(toJson(String.valueOf(key)) + ":" + toJson(member)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(RegistrationApiPropertiesTest::toJson).toList()) + "]";
        }
        return String.valueOf(value);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/suppliers"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
