package fr.vivier.directory;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import io.micronaut.context.ApplicationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever is typed in one field of an otherwise valid registration, the validator never throws: the
 * profile is valid, or the only errors are on that field, in French. HTML is kept as typed (it is escaped
 * when shown). jqwik does not run inside @MicronautTest, so the class starts its own application context.
 */
class SupplierValidatorPropertiesTest implements IntegrationTest {
    private static final String VALID_SIRET = Sirets.next();
    private static ApplicationContext context;
    private static SupplierValidator validator;

    @BeforeContainer
    static void startApplication() {
        context = ApplicationContext.builder().environments("test").properties(Map.copyOf(new SupplierValidatorPropertiesTest().getProperties())).start();
        validator = context.getBean(SupplierValidator.class);
    }

    @AfterContainer
    static void stopApplication() {
        if (context != null) {
            context.close();
        }
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

    @Property(tries = 500)
    void anythingTypedInOneFieldGivesAValidProfileOrFrenchErrorsOnThatFieldOnly(@ForAll Field field, @ForAll("typed") String typed) {
        SupplierValidator.Result result = validator.validate(field.typedInto(typed));
        if (result instanceof SupplierValidator.Result.Invalid invalid) {
            assertEquals(List.of(field.errorKey), List.copyOf(invalid.errors().keySet()), () -> field + " « " + typed + " » : " + invalid.errors());
            invalid.errors().values().forEach(message -> assertTrue(message.length() > 10 && message.matches("(?s)[A-ZÀ-Ü].*"), message));
        }
    }

    @Property(tries = 200)
    void htmlIsKeptAsTyped(@ForAll("textFields") Field field, @ForAll("html") String html) {
        SupplierValidator.Result result = validator.validate(field.typedInto(html));
        SupplierProfile profile = assertInstanceOf(SupplierValidator.Result.Valid.class, result, () -> field + " " + result).profile();
        assertEquals(html.strip(), field.storedAs.apply(profile));
    }

    @Property(tries = 50)
    void controlCharactersInInlineTextAreRefused(@ForAll("textFields") Field field, @ForAll("controlCharacters") char control) {
        SupplierValidator.Result result = validator.validate(field.typedInto("Atelier" + control + "Textile"));
        boolean multiline = field == Field.DESCRIPTION || field == Field.RECONTACT_MESSAGE;
        if (multiline && (control == '\n' || control == '\r' || control == '\t')) {
            assertInstanceOf(SupplierValidator.Result.Valid.class, result);
        } else {
            assertFalse(result instanceof SupplierValidator.Result.Valid, field + " accepted U+" + Integer.toHexString(control));
        }
    }

    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
            net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(3).map(c -> "Nom" + c + "fin")),
            net.jqwik.api.Tuple.of(2, Arbitraries.of("🌱 Les Jardins 🌳", "👩🏽‍🔧", "\uD83C", "\uDC00 isolé", "e\u0301te\u0301", "\u202Eénilgah", "\u2028", "\uFEFF")),
            net.jqwik.api.Tuple.of(2, html()),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("a", "é", "<", "9", " ").map(c -> c.repeat(10_000))),
            net.jqwik.api.Tuple.of(3, Arbitraries.of("", " ", "  \t ", "COMMUNE", "EPCI", "93048", "200057875", "SAS", "TPE", "ESAT",
                "espaces-verts-entretien", "qualiopi", "2099-12-31", "2001-01-01", "31/12/2030", "2020", "1949", "99999999999",
                "a@b.fr", "pas-un-email", "01 23 45 67 89", "+33 1 23 45 67 89", "https://www.structure.fr", "javascript:alert(1)",
                "35600000000048", "732 829 320 00074", "73282932000075", "null", "-1")),
            net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').withChars(" -'’.@/:éèàç").ofMaxLength(60)))
            .injectNull(0.05);
    }

    @Provide
    Arbitrary<Field> textFields() {
        return Arbitraries.of(Field.values()).filter(field -> field.storedAs != null);
    }

    @Provide
    Arbitrary<String> html() {
        return Arbitraries.of("<script>alert('x')</script>", "<b>gras</b> & <i>italique</i>", "<img src=x onerror=alert(1)>",
                "&amp; &lt;p&gt;", "\"><svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">lien</a>", "Tom & Jerry <SARL>",
                "{{7*7}} ${7*7} [[${7*7}]]", "' OR 1=1 --")
            .flatMap(markup -> Arbitraries.strings().withCharRange('a', 'z').withChars(" éà").ofMaxLength(20).map(text -> text + markup + text));
    }

    @Provide
    Arbitrary<Character> controlCharacters() {
        return Arbitraries.chars().range('\u0000', '\u001f').injectDuplicates(0.1);
    }
}
