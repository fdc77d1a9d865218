package fr.vivier.directory.registration;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/suppliers through a real server with generated bodies: whatever arrives, the answer is
 * 201, 400 with French field errors, 409 or 429, never a 5xx. The class starts one server for all its cases.
 * <p>
 * Each property runs on a fixed list of seeds: the inputs of a case come from {@code new Random(seed)}, so a
 * failing case is replayed by its seed (shown in the test name and in the assertion message). Only the SIRET
 * and e-mail of the otherwise valid body stay fresh at every run, since the database keeps what was registered.
 * Fixed edge cases follow the generated ones.
 */
class RegistrationApiPropertiesTest implements IntegrationTest {
    private static final long BASE_SEED = 0x4E6_1577_0000L;
    private static final Set<Integer> EXPECTED = Set.of(201, 400, 409, 429);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static EmbeddedServer server;
    private static JsonMapper json;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.forms.max-per-ip-per-hour", "100000", "micronaut.server.port", "-1");
    }

    @BeforeAll
    static void startServer() {
        server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(new RegistrationApiPropertiesTest().getProperties()), "test");
        json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    // --- any value in any field -----------------------------------------------------------------------------

    /**
     * The path is chosen by the seed in turn (the 60 consecutive seeds go through the 31 paths about twice),
     * the value is generated from {@code new Random(seed)}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds60")
    void anyValueInAnyFieldGivesAnExpectedStatus(long seed) throws Exception {
        Random random = new Random(seed);
        List<Object> path = PATHS.get((int) Math.floorMod(seed, (long) PATHS.size()));
        Object value = jsonValue(random);
        checkAnyValue(path, value, "seed " + seed);
    }

    static Stream<Arguments> edgeValues() {
        return Stream.of(
            Arguments.of(List.of("siret"), null),
            Arguments.of(List.of("name"), ""),
            Arguments.of(List.of("name"), "\uD83C"),
            Arguments.of(List.of("contact"), Map.of()),
            Arguments.of(List.of("description"), "€".repeat(10_000)),
            Arguments.of(List.of("references", 0, "year"), 1.5e308),
            Arguments.of(List.of("interventionArea", 0, "code"), Long.MIN_VALUE),
            Arguments.of(List.of("labels", 0, "expiresOn"), "2099-02-30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeValues")
    void anyValueInAnyFieldGivesAnExpectedStatus_edgeCases(List<Object> path, Object value) throws Exception {
        checkAnyValue(path, value, "edge case");
    }

    private static void checkAnyValue(List<Object> path, Object value, String context) throws Exception {
        Map<String, Object> body = validBody();
        replace(body, path, value);
        assertExpectedAnswer(post(toJson(body)), context + " : " + path + " = " + toJson(value));
    }

    // --- any body --------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds20")
    void anyBodyGivesAnExpectedStatus(long seed) throws Exception {
        Random random = new Random(seed);
        String body = random.nextInt(3) < 2 ? anyChars(random, random.nextInt(61)) : nested(1 + random.nextInt(2000));
        assertExpectedAnswer(post(body), "seed " + seed + " : " + body);
    }

    /** Every fixed raw body, and nesting at both ends of the range. */
    static Stream<String> edgeBodies() {
        return Stream.concat(RAW_BODIES.stream(), Stream.of(nested(1), nested(2000)));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("edgeBodies")
    void anyBodyGivesAnExpectedStatus_edgeCases(String body) throws Exception {
        assertExpectedAnswer(post(body), "edge case : " + body);
    }

    // --- a valid registration --------------------------------------------------------------------------------

    /** Nothing generated here: each repetition registers a fresh structure (new SIRET and e-mail). */
    @RepeatedTest(value = 5, name = "registration {currentRepetition}/{totalRepetitions}")
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

    // --- generators ------------------------------------------------------------------------------------------

    private static final List<List<Object>> PATHS = List.of(
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

    private static final List<String> FIXED_TEXTS = List.of("", " ", "\u0000", "Nom\u0007", "🌱 Jardins", "\uD83C",
        "<script>alert(1)</script>", "93048", "2001-01-01", "2099-02-30", "qualiopi", "inconnu", "1234567890123", "123456789012345",
        "pas-un-email", "NATIONAL");

    private static final List<String> RAW_BODIES = List.of("", "{", "}", "[]", "null", "\"texte\"", "42", "{\"siret\":",
        "{\"siret\": [1, 2,", "{\"contact\": []}", "{\"consents\": \"oui\"}", "{\"labels\": {}}",
        "{\"interventionArea\": [null, 3]}", "{\"siret\": \"\\u0000\"}", "{\"name\": \"\\ud800\"}",
        "{\"sectors\": [[[[[[[[[[[]]]]]]]]]]]}", "{\"siret\": 1e999}", "\uFEFF{}", "{\"name\": \"a\", \"name\": \"b\"}");

    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L};

    /** Characters worth trying more often than chance would: controls, spaces of all kinds, lone surrogates, the ends of the range. */
    private static final char[] TRICKY_CHARS = {'\u0000', '\u0001', '\t', '\n', '\r', '\u001f', '\u007f', '\u00a0', ' ', '\u2028',
        '\u2029', '\u202e', '\ufeff', '\ud800', '\udbff', '\udc00', '\udfff', '\uffff', '"', '\\', '{', '}', '[', ']', ':', ',', 'é'};

    static LongStream seeds60() {
        return LongStream.range(0, 60).map(i -> BASE_SEED + i);
    }

    static LongStream seeds20() {
        return LongStream.range(0, 20).map(i -> BASE_SEED + i);
    }

    /** A text: with weights 3 any chars (up to 30), 2 a fixed tricky text, 1 a 10 000-character repetition. */
    private static String text(Random random) {
        int pick = random.nextInt(6);
        if (pick < 3) {
            return anyChars(random, random.nextInt(31));
        }
        if (pick < 5) {
            return FIXED_TEXTS.get(random.nextInt(FIXED_TEXTS.size()));
        }
        return List.of("a", "é", "€").get(random.nextInt(3)).repeat(10_000);
    }

    /**
     * A JSON value: null 10 % of the time, otherwise with weights 6 a text, 1 a long, 1 true/false/1.5e308/-0.0,
     * 1 an empty object, 2 a list of up to 3 texts, 1 an object {code, type} with the same text.
     */
    private static Object jsonValue(Random random) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        int pick = random.nextInt(12);
        if (pick < 6) {
            return text(random);
        }
        if (pick < 7) {
            return random.nextInt(4) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong();
        }
        if (pick < 8) {
            return List.<Object>of(true, false, 1.5e308, -0.0).get(random.nextInt(4));
        }
        if (pick < 9) {
            return Map.of();
        }
        if (pick < 11) {
            List<Object> list = new ArrayList<>();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                list.add(text(random));
            }
            return list;
        }
        String text = text(random);
        return Map.of("code", text, "type", text);
    }

    /** Any chars of the whole range (surrogates included), a quarter of them from the tricky ones. */
    private static String anyChars(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? TRICKY_CHARS[random.nextInt(TRICKY_CHARS.length)] : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
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
