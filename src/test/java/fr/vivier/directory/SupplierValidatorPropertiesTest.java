package fr.vivier.directory;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever is typed in one field of an otherwise valid registration, the validator never throws: the
 * profile is valid, or the only errors are on that field, in French. HTML is kept as typed (it is escaped
 * when shown). The class starts its own application context once for all its cases.
 * <p>
 * Each property runs on a fixed list of seeds: the inputs of a case come from {@code new Random(seed)}, so a
 * failing case is replayed by its seed (shown in the test name and in the assertion message). Fixed edge
 * cases follow the generated ones.
 */
class SupplierValidatorPropertiesTest implements IntegrationTest {
    private static final String VALID_SIRET = Sirets.next();
    private static final long BASE_SEED = 0x5A1_1DA7E_0000L;
    private static ApplicationContext context;
    private static SupplierValidator validator;

    @BeforeAll
    static void startApplication() {
        context = ApplicationContext.builder().environments("test").properties(Map.copyOf(new SupplierValidatorPropertiesTest().getProperties())).start();
        validator = context.getBean(SupplierValidator.class);
    }

    @AfterAll
    static void stopApplication() {
        if (context != null) {
            context.close();
        }
    }

    static LongStream seeds500() {
        return LongStream.range(0, 500).map(i -> BASE_SEED + i);
    }

    static LongStream seeds200() {
        return LongStream.range(0, 200).map(i -> BASE_SEED + i);
    }

    /** A text field of the registration: the key its errors come under, and where it lands in the profile when valid. */
    enum Field {
        SIRET("siret", null),
        NAME("name", SupplierProfile::name),
        TRADE_NAME("tradeName", SupplierProfile::tradeName),
        LEGAL_FORM("legalForm", null),
        SIZE("size", null),
        KIND("kind", null),
        COMMUNE("communeCode", null),
        AREA_TYPE("interventionArea[0]", null),
        AREA_CODE("interventionArea[0]", null),
        SECTOR("sectors", null),
        LABEL_CODE("labels[0].code", null),
        LABEL_PROOF("labels[0].proof", profile -> profile.labels().get(0).proof()),
        LABEL_EXPIRY("labels[0].expiresOn", null),
        DESCRIPTION("description", SupplierProfile::description),
        OFFER("offers", profile -> profile.offers().get(0)),
        REFERENCE_CLIENT("references[0].client", profile -> profile.references().get(0).client()),
        REFERENCE_YEAR("references[0].year", null),
        REFERENCE_OBJECT("references[0].object", profile -> profile.references().get(0).object()),
        WEBSITE("website", null),
        CONTACT_NAME("contact.name", profile -> profile.contact().name()),
        CONTACT_ROLE("contact.role", profile -> profile.contact().role()),
        CONTACT_EMAIL("contact.email", null),
        CONTACT_PHONE("contact.phone", null),
        RECONTACT_TOPIC("recontactRequest.topic", profile -> profile.recontact().topic()),
        RECONTACT_MESSAGE("recontactRequest.message", profile -> profile.recontact().message());

        final String errorKey;
        final Function<SupplierProfile, String> storedAs;

        Field(String errorKey, Function<SupplierProfile, String> storedAs) {
            this.errorKey = errorKey;
            this.storedAs = storedAs;
        }

        /** A valid registration with {@code typed} in this field (null included). */
        SupplierInput typedInto(String typed) {
            return new SupplierInput(this == SIRET ? typed : VALID_SIRET, this == NAME ? typed : "Atelier Textile de l’Ourcq",
                this == TRADE_NAME ? typed : "ATO", this == LEGAL_FORM ? typed : "SCOP", this == SIZE ? typed : "TPE",
                this == KIND ? typed : "COOPERATIVE", this == COMMUNE ? typed : "93048",
                List.of(new SupplierInput.AreaInput(this == AREA_TYPE ? typed : "COMMUNE", this == AREA_CODE ? typed : "93048"),
                    new SupplierInput.AreaInput("EPCI", "200057875")),
                Collections.singletonList(this == SECTOR ? typed : "textile-confection"),
                List.of(new SupplierInput.LabelInput(this == LABEL_CODE ? typed : "qualiopi", this == LABEL_PROOF ? typed : "N° 123",
                    this == LABEL_EXPIRY ? typed : "2099-01-31")),
                this == DESCRIPTION ? typed : "Retouche et confection.",
                Collections.singletonList(this == OFFER ? typed : "Confection de tenues"),
                List.of(new SupplierInput.ReferenceInput(this == REFERENCE_CLIENT ? typed : "Bailleur social",
                    this == REFERENCE_YEAR ? typed : "2020", this == REFERENCE_OBJECT ? typed : "Tenues de travail")),
                this == WEBSITE ? typed : "atelier.example.org",
                new SupplierInput.ContactInput(this == CONTACT_NAME ? typed : "Dominique Durand", this == CONTACT_ROLE ? typed : "Gérante",
                    this == CONTACT_EMAIL ? typed : "contact@structure.fr", this == CONTACT_PHONE ? typed : "01 23 45 67 89"),
                new SupplierInput.ConsentsInput(true, true, false),
                new SupplierInput.RecontactInput(this == RECONTACT_TOPIC ? typed : "Vêtements de travail",
                    this == RECONTACT_MESSAGE ? typed : "Nous produisons localement."));
        }
    }

    // --- anything typed in one field -------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void anythingTypedInOneFieldGivesAValidProfileOrFrenchErrorsOnThatFieldOnly(long seed) {
        Random random = new Random(seed);
        Field field = oneOf(random, Field.values());
        String typed = typed(random);
        checkValidOrErrorsOnThatFieldOnly(field, typed, "seed " + seed);
    }

    static Stream<Arguments> edgeCasesInEveryField() {
        List<String> edges = Arrays.asList(null, "", " ", "\u00a0", "  \t ", "\u0000", "\n", "\uD83C", "\uDC00", "\uFEFF", "\u2028",
            "\u202E", "e\u0301", "<", "&", "-1", "0", "null", "a".repeat(10_000), " ".repeat(10_000), "\u00a0".repeat(10_000));
        return Arrays.stream(Field.values()).flatMap(field -> edges.stream().map(typed -> Arguments.of(field, typed, shown(typed))));
    }

    @ParameterizedTest(name = "{0} « {2} »")
    @MethodSource("edgeCasesInEveryField")
    void anythingTypedInOneFieldGivesAValidProfileOrFrenchErrorsOnThatFieldOnly_edgeCases(Field field, String typed, String shown) {
        checkValidOrErrorsOnThatFieldOnly(field, typed, "edge case");
    }

    private static void checkValidOrErrorsOnThatFieldOnly(Field field, String typed, String context) {
        SupplierValidator.Result result = validator.validate(field.typedInto(typed));
        if (result instanceof SupplierValidator.Result.Invalid invalid) {
            assertEquals(List.of(field.errorKey), List.copyOf(invalid.errors().keySet()),
                () -> context + " : " + field + " « " + shown(typed) + " » : " + invalid.errors());
            invalid.errors().values().forEach(message -> assertTrue(message.length() > 10 && message.matches("(?s)[A-ZÀ-Ü].*"),
                () -> context + " : " + field + " « " + shown(typed) + " » : " + message));
        }
    }

    // --- HTML kept as typed ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void htmlIsKeptAsTyped(long seed) {
        Random random = new Random(seed);
        Field field = oneOf(random, TEXT_FIELDS);
        String html = html(random);
        checkHtmlKept(field, html, "seed " + seed);
    }

    /** Every markup alone (no text around it) in every text field. */
    static Stream<Arguments> everyMarkupInEveryTextField() {
        return Arrays.stream(TEXT_FIELDS).flatMap(field -> MARKUP.stream().map(markup -> Arguments.of(field, markup)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMarkupInEveryTextField")
    void htmlIsKeptAsTyped_edgeCases(Field field, String html) {
        checkHtmlKept(field, html, "edge case");
    }

    private static void checkHtmlKept(Field field, String html, String context) {
        SupplierValidator.Result result = validator.validate(field.typedInto(html));
        SupplierProfile profile = assertInstanceOf(SupplierValidator.Result.Valid.class, result,
            () -> context + " : " + field + " « " + shown(html) + " » : " + result).profile();
        assertEquals(html.strip(), field.storedAs.apply(profile), () -> context + " : " + field + " « " + shown(html) + " »");
    }

    // --- control characters ----------------------------------------------------------------------------------

    /** All of them: every text field with every character from U+0000 to U+001F (352 cases). */
    static Stream<Arguments> everyControlCharacterInEveryTextField() {
        return Arrays.stream(TEXT_FIELDS).flatMap(field -> Stream.iterate('\u0000', c -> c <= '\u001f', c -> (char) (c + 1))
            .map(control -> Arguments.of(field, String.format("%04X", (int) control))));
    }

    @ParameterizedTest(name = "{0} U+{1}")
    @MethodSource("everyControlCharacterInEveryTextField")
    void controlCharactersInInlineTextAreRefused(Field field, String codePoint) {
        char control = (char) Integer.parseInt(codePoint, 16);
        SupplierValidator.Result result = validator.validate(field.typedInto("Atelier" + control + "Textile"));
        boolean multiline = field == Field.DESCRIPTION || field == Field.RECONTACT_MESSAGE;
        if (multiline && (control == '\n' || control == '\r' || control == '\t')) {
            assertInstanceOf(SupplierValidator.Result.Valid.class, result, () -> field + " refused U+" + codePoint + " : " + result);
        } else {
            assertFalse(result instanceof SupplierValidator.Result.Valid, field + " accepted U+" + codePoint);
        }
    }

    // --- generators ------------------------------------------------------------------------------------------

    private static final Field[] TEXT_FIELDS = Arrays.stream(Field.values()).filter(field -> field.storedAs != null).toArray(Field[]::new);

    private static final List<String> ODDITIES = List.of("🌱 Les Jardins 🌳", "👩🏽‍🔧", "\uD83C", "\uDC00 isolé", "e\u0301te\u0301",
        "\u202Eénilgah", "\u2028", "\uFEFF");

    private static final List<String> REPEATED = List.of("a", "é", "<", "9", " ");

    private static final List<String> DOMAIN_VALUES = List.of("", " ", "  \t ", "COMMUNE", "EPCI", "93048", "200057875", "SAS", "TPE",
        "ESAT", "espaces-verts-entretien", "qualiopi", "2099-12-31", "2001-01-01", "31/12/2030", "2020", "1949", "99999999999",
        "a@b.fr", "pas-un-email", "01 23 45 67 89", "+33 1 23 45 67 89", "https://www.structure.fr", "javascript:alert(1)",
        "35600000000048", "732 829 320 00074", "73282932000075", "null", "-1");

    private static final List<String> MARKUP = List.of("<script>alert('x')</script>", "<b>gras</b> & <i>italique</i>",
        "<img src=x onerror=alert(1)>", "&amp; &lt;p&gt;", "\"><svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">lien</a>",
        "Tom & Jerry <SARL>", "{{7*7}} ${7*7} [[${7*7}]]", "' OR 1=1 --");

    /** Characters worth trying more often than chance would: controls, spaces of all kinds, lone surrogates, the ends of the range. */
    private static final char[] TRICKY_CHARS = {'\u0000', '\u0001', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u00a0', ' ',
        '\u2007', '\u202f', '\u2028', '\u2029', '\u200b', '\u200e', '\u202e', '\ufeff', '\ud800', '\udbff', '\udc00', '\udfff',
        '\ufffd', '\uffff', '<', '>', '&', '"', '\'', '\\', '%', 'é', 'É'};

    /**
     * Text typed in a field: null 5 % of the time, otherwise with weights 4 any chars (up to 40), 2 a name with
     * 1 to 3 control characters, 2 Unicode oddities, 2 HTML, 1 a 10 000-character repetition, 3 values the
     * fields know (or nearly), 2 lowercase words with punctuation (up to 60).
     */
    private static String typed(Random random) {
        if (random.nextInt(100) < 5) {
            return null;
        }
        int pick = random.nextInt(16);
        if (pick < 4) {
            return anyChars(random, random.nextInt(41));
        }
        if (pick < 6) {
            return "Nom" + charsBetween(random, '\u0000', '\u001f', 1 + random.nextInt(3)) + "fin";
        }
        if (pick < 8) {
            return oneOf(random, ODDITIES);
        }
        if (pick < 10) {
            return html(random);
        }
        if (pick < 11) {
            return oneOf(random, REPEATED).repeat(10_000);
        }
        if (pick < 14) {
            return oneOf(random, DOMAIN_VALUES);
        }
        return charsFrom(random, "abcdefghijklmnopqrstuvwxyz -'’.@/:éèàç", random.nextInt(61));
    }

    /** Some text, a markup, the same text again. */
    private static String html(Random random) {
        String markup = oneOf(random, MARKUP);
        String text = charsFrom(random, "abcdefghijklmnopqrstuvwxyz éà", random.nextInt(21));
        return text + markup + text;
    }

    /** Any chars of the whole range (surrogates included), a quarter of them from the tricky ones. */
    private static String anyChars(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? TRICKY_CHARS[random.nextInt(TRICKY_CHARS.length)] : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    private static String charsBetween(Random random, char first, char last, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (first + random.nextInt(last - first + 1)));
        }
        return text.toString();
    }

    private static String charsFrom(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T oneOf(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The text with anything outside printable ASCII and Latin-1 letters written as \\uXXXX, long texts cut, for names and messages. */
    static String shown(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (out.length() > 200) {
                return out.append("… (").append(text.length()).append(" caractères)").toString();
            }
            out.append((c >= 0x20 && c < 0x7f) || (c >= 0xc0 && c <= 0xff) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
