package fr.vivier.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SIRET rules, checked against an independent Luhn computation on generated numbers. Each property runs
 * on a fixed list of seeds: the inputs of a case come from {@code new Random(seed)}, so a failing case is
 * replayed by its seed (shown in the test name and in the assertion message). Fixed edge cases follow each
 * property.
 */
class SiretPropertiesTest {
    private static final String LA_POSTE = "356000000";
    private static final long BASE_SEED = 0x51_2E7_0000L;
    private static final List<String> SPACINGS = List.of("", "", "", " ", "  ", "\u00a0");

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> BASE_SEED + i);
    }

    static LongStream fewSeeds() {
        return LongStream.range(0, 50).map(i -> BASE_SEED + i);
    }

    // --- 13 digits + Luhn check digit ------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thirteenDigitsAndTheirCheckDigitMakeAValidSiretWhoseSirenIsTheFirstNineDigits(long seed) {
        Random random = new Random(seed);
        String digits;
        do {
            digits = digits(random, 13);
        } while (digits.startsWith(LA_POSTE));
        checkThirteenDigitsAndTheirCheckDigit(digits, "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000000000000", "9999999999999", "1000000000000", "0000000000001", "3559999999999", "3560000010000"})
    void thirteenDigitsAndTheirCheckDigitMakeAValidSiret_edgeCases(String digits) {
        checkThirteenDigitsAndTheirCheckDigit(digits, digits);
    }

    private static void checkThirteenDigitsAndTheirCheckDigit(String digits, String context) {
        String siret = digits + checkDigit(digits);
        Siret parsed = Siret.parse(siret).orElseThrow(() -> new AssertionError(context + " : " + siret + " refusé"));
        assertEquals(siret, parsed.value(), context);
        assertEquals(digits.substring(0, 9), parsed.siren(), context);
        assertEquals(Optional.empty(), Siret.problemWith(siret), context);
    }

    // --- one digit changed -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingAnyOneDigitMakesItInvalid(long seed) {
        Random random = new Random(seed);
        String typo;
        do {
            String siret = siret(random);
            int position = random.nextInt(14);
            int shift = 1 + random.nextInt(9);
            typo = withDigitShifted(siret, position, shift);
        } while (typo.startsWith(LA_POSTE));
        checkInvalidTypo(typo, "seed " + seed);
    }

    /** Every position and every shift on the edge SIRETs (all zeros, all nines once made valid). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000000000000", "9999999999999", "3559999999999"})
    void changingAnyOneDigitMakesItInvalid_edgeCases(String digits) {
        String siret = digits + checkDigit(digits);
        for (int position = 0; position < 14; position++) {
            for (int shift = 1; shift <= 9; shift++) {
                String typo = withDigitShifted(siret, position, shift);
                if (!typo.startsWith(LA_POSTE)) {
                    checkInvalidTypo(typo, siret + " position " + position + " +" + shift);
                }
            }
        }
    }

    private static String withDigitShifted(String siret, int position, int shift) {
        char changed = (char) ('0' + (siret.charAt(position) - '0' + shift) % 10);
        return siret.substring(0, position) + changed + siret.substring(position + 1);
    }

    private static void checkInvalidTypo(String typo, String context) {
        assertTrue(Siret.parse(typo).isEmpty(), context + " : " + typo);
        assertTrue(Siret.problemWith(typo).orElseThrow().contains("n’est pas valide : sa clé de contrôle"), context + " : " + typo);
    }

    // --- spaces ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spacesAnywhereAreTolerated(long seed) {
        Random random = new Random(seed);
        String siret = siret(random);
        List<String> spaces = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            spaces.add(SPACINGS.get(random.nextInt(SPACINGS.size())));
        }
        StringBuilder typed = new StringBuilder(spaces.get(14));
        for (int i = 0; i < 14; i++) {
            typed.append(spaces.get(i)).append(siret.charAt(i));
        }
        checkSpacesTolerated(siret, typed.toString(), "seed " + seed);
    }

    /** The same spacing before every digit, and at both ends. */
    @ParameterizedTest(name = "« {0} »")
    @ValueSource(strings = {" ", "  ", "\u00a0", "\u00a0\u00a0", " \u00a0 "})
    void spacesAnywhereAreTolerated_edgeCases(String spacing) {
        for (String digits : List.of("0000000000000", "7328293200007")) {
            String siret = digits + checkDigit(digits);
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                typed.append(spacing).append(siret.charAt(i));
            }
            checkSpacesTolerated(siret, typed.append(spacing).toString(), shown(typed.toString()));
        }
        String formatted = "732 829 320 00074";
        checkSpacesTolerated("73282932000074", formatted.replace(" ", spacing), shown(formatted.replace(" ", spacing)));
    }

    private static void checkSpacesTolerated(String siret, String typed, String context) {
        assertEquals(siret, Siret.parse(typed).orElseThrow(() -> new AssertionError(context + " refusé")).value(), context);
        assertEquals(Optional.empty(), Siret.problemWith(typed), context);
    }

    // --- wrong length ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thirteenOrFifteenDigitsAreRefusedWithTheCountInFrench(long seed) {
        Random random = new Random(seed);
        checkWrongLength(digits(random, random.nextBoolean() ? 13 : 15), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000000000000", "000000000000000", "3560000000000", "356000000000000", "732829320000740", "7328293200007"})
    void thirteenOrFifteenDigitsAreRefusedWithTheCountInFrench_edgeCases(String digits) {
        checkWrongLength(digits, digits);
    }

    private static void checkWrongLength(String digits, String context) {
        assertTrue(Siret.parse(digits).isEmpty(), context + " : " + digits);
        assertEquals("Le SIRET compte 14 chiffres (vous en avez saisi " + digits.length() + ").", Siret.problemWith(digits).orElseThrow(),
            context + " : " + digits);
    }

    // --- anything but digits ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anythingButDigitsIsRefusedInFrench(long seed) {
        Random random = new Random(seed);
        String siret = siret(random);
        int position = random.nextInt(14);
        char intruder = notDigit(random);
        checkIntruderRefused(siret, position, intruder, "seed " + seed);
    }

    /** Characters that look like digits or spaces, controls, surrogates and the ends of the char range. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0009", "000a", "000d", "001f", "002d", "002e", "002f", "004f", "006f", "006c", "0049", "0065",
        "0045", "002b", "00b2", "00bd", "0663", "06f3", "0966", "ff10", "ff19", "2007", "202f", "2009", "3000", "200b", "feff", "2028",
        "d83c", "df31", "ffff", "00ff"})
    void anythingButDigitsIsRefusedInFrench_edgeCases(String codeUnit) {
        char intruder = (char) Integer.parseInt(codeUnit, 16);
        String siret = "73282932000074";
        for (int position = 0; position < 14; position++) {
            checkIntruderRefused(siret, position, intruder, "U+" + codeUnit + " position " + position);
        }
    }

    private static void checkIntruderRefused(String siret, int position, char intruder, String context) {
        String typed = siret.substring(0, position) + intruder + siret.substring(position + 1);
        assertTrue(Siret.parse(typed).isEmpty(), () -> context + " : " + shown(typed));
        assertEquals("Le SIRET ne doit contenir que des chiffres.", Siret.problemWith(typed).orElseThrow(), () -> context + " : " + shown(typed));
    }

    // --- La Poste --------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void laPosteEstablishmentsFollowTheSumOfDigitsRule(long seed) {
        checkLaPosteSumOfDigits(digits(new Random(seed), 5), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"00000", "00001", "00006", "00010", "99999", "99994", "12345", "00048"})
    void laPosteEstablishmentsFollowTheSumOfDigitsRule_edgeCases(String nic) {
        checkLaPosteSumOfDigits(nic, nic);
    }

    private static void checkLaPosteSumOfDigits(String nic, String context) {
        String siret = LA_POSTE + nic;
        boolean multipleOfFive = siret.chars().map(c -> c - '0').sum() % 5 == 0;
        assertEquals(multipleOfFive, Siret.parse(siret).isPresent(), context + " : " + siret);
        assertEquals(multipleOfFive, Siret.problemWith(siret).isEmpty(), context + " : " + siret);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewSeeds")
    void aLaPosteSiretIsNotJudgedByLuhn(long seed) {
        Random random = new Random(seed);
        String luhnValid;
        do {
            String nic = digits(random, 4);
            luhnValid = LA_POSTE + nic + checkDigit(LA_POSTE + nic);
        } while (luhnValid.chars().map(c -> c - '0').sum() % 5 == 0);
        String siret = luhnValid;
        assertTrue(Siret.parse(siret).isEmpty(), () -> "seed " + seed + " : " + siret);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0001", "0002", "0003", "9998", "1234"})
    void aLaPosteSiretIsNotJudgedByLuhn_edgeCases(String nic) {
        String luhnValid = LA_POSTE + nic + checkDigit(LA_POSTE + nic);
        assertNotEquals(0, luhnValid.chars().map(c -> c - '0').sum() % 5, "edge case badly chosen: " + luhnValid);
        assertTrue(Siret.parse(luhnValid).isEmpty(), luhnValid);
    }

    @Test
    void theIndependentLuhnAgreesWithKnownSirets() {
        assertEquals(4, checkDigit("7328293200007"));
        assertEquals(0, checkDigit("0000000000000"));
    }

    // --- generators ------------------------------------------------------------------------------------------

    private static String digits(Random random, int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A valid SIRET judged by Luhn (not La Poste's). */
    private static String siret(Random random) {
        String digits;
        do {
            digits = digits(random, 13);
        } while (digits.startsWith(LA_POSTE));
        return digits + checkDigit(digits);
    }

    /** Any char but a digit, a space or a non-breaking space: a quarter of the time from ASCII, otherwise from the whole char range. */
    private static char notDigit(Random random) {
        char c;
        do {
            c = random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000);
        } while ((c >= '0' && c <= '9') || c == ' ' || c == '\u00a0');
        return c;
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

    /** The string with anything outside printable ASCII written as \\uXXXX, for messages. */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
