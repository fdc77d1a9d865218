package fr.vivier.directory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SIRET rules, checked against an independent Luhn computation on generated numbers. */
class SiretPropertiesTest {
    private static final String LA_POSTE = "356000000";

    @Property
    void thirteenDigitsAndTheirCheckDigitMakeAValidSiretWhoseSirenIsTheFirstNineDigits(
            @ForAll @StringLength(13) @NumericChars String digits) {
        Assume.that(!digits.startsWith(LA_POSTE));
        String siret = digits + checkDigit(digits);
        Siret parsed = Siret.parse(siret).orElseThrow();
        assertEquals(siret, parsed.value());
        assertEquals(digits.substring(0, 9), parsed.siren());
        assertEquals(Optional.empty(), Siret.problemWith(siret));
    }

    @Property
    void changingAnyOneDigitMakesItInvalid(@ForAll("sirets") String siret, @ForAll @IntRange(max = 13) int position,
                                           @ForAll @IntRange(min = 1, max = 9) int shift) {
        char changed = (char) ('0' + (siret.charAt(position) - '0' + shift) % 10);
        String typo = siret.substring(0, position) + changed + siret.substring(position + 1);
        Assume.that(!typo.startsWith(LA_POSTE));
        assertTrue(Siret.parse(typo).isEmpty(), typo);
        assertTrue(Siret.problemWith(typo).orElseThrow().contains("n’existe pas"));
    }

    @Property
    void spacesAnywhereAreTolerated(@ForAll("sirets") String siret, @ForAll("spacings") List<String> spaces) {
        StringBuilder typed = new StringBuilder(spaces.get(14));
        for (int i = 0; i < 14; i++) {
            typed.append(spaces.get(i)).append(siret.charAt(i));
        }
        assertEquals(siret, Siret.parse(typed.toString()).orElseThrow().value());
        assertEquals(Optional.empty(), Siret.problemWith(typed.toString()));
    }

    @Property
    void thirteenOrFifteenDigitsAreRefusedWithTheCountInFrench(@ForAll("thirteenOrFifteenDigits") String digits) {
        assertTrue(Siret.parse(digits).isEmpty());
        assertEquals("Le SIRET compte 14 chiffres (vous en avez saisi " + digits.length() + ").", Siret.problemWith(digits).orElseThrow());
    }

    @Property
    void anythingButDigitsIsRefusedInFrench(@ForAll("sirets") String siret, @ForAll @IntRange(max = 13) int position,
                                            @ForAll("notDigits") char intruder) {
        String typed = siret.substring(0, position) + intruder + siret.substring(position + 1);
        assertTrue(Siret.parse(typed).isEmpty(), typed);
        assertEquals("Le SIRET ne doit contenir que des chiffres.", Siret.problemWith(typed).orElseThrow());
    }

    @Property
    void laPosteEstablishmentsFollowTheSumOfDigitsRule(@ForAll @StringLength(5) @NumericChars String nic) {
        String siret = LA_POSTE + nic;
        boolean multipleOfFive = siret.chars().map(c -> c - '0').sum() % 5 == 0;
        assertEquals(multipleOfFive, Siret.parse(siret).isPresent(), siret);
        assertEquals(multipleOfFive, Siret.problemWith(siret).isEmpty(), siret);
    }

    @Property(tries = 50)
    void aLaPosteSiretIsNotJudgedByLuhn(@ForAll @StringLength(4) @NumericChars String nic) {
        String luhnValid = LA_POSTE + nic + checkDigit(LA_POSTE + nic);
        int sum = luhnValid.chars().map(c -> c - '0').sum();
        Assume.that(sum % 5 != 0);
        assertTrue(Siret.parse(luhnValid).isEmpty(), luhnValid);
    }

    @Provide
    Arbitrary<String> sirets() {
        return Arbitraries.strings().numeric().ofLength(13).filter(digits -> !digits.startsWith(LA_POSTE))
            .map(digits -> digits + checkDigit(digits));
    }

    @Provide
    Arbitrary<List<String>> spacings() {
        return Arbitraries.of("", "", "", " ", "  ", "\u00a0").list().ofSize(15);
    }

    @Provide
    Arbitrary<String> thirteenOrFifteenDigits() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(13), Arbitraries.strings().numeric().ofLength(15));
    }

    @Provide
    Arbitrary<Character> notDigits() {
        return Arbitraries.chars().all().filter(c -> !(c >= '0' && c <= '9') && c != ' ' && c != '\u00a0');
    }

    /** Luhn written out again (doubling every second digit from the right), not borrowed from the code under test. */
    private static int checkDigit(String payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            sum += doubled ? (digit * 2) / 10 + (digit * 2) % 10 : digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
