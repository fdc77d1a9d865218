package fr.vivier.accounts;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * At least 12 characters, at most 128, not a common password (list in resources/security, see its script),
 * not only the email's name, not one character repeated.
 */
@Singleton
public class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> commonPasswords;

    PasswordPolicy() {
        this.commonPasswords = loadCommonPasswords();
    }

    /** The French reason why the password is refused, or empty when it is acceptable. */
    public Optional<String> problemWith(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Le mot de passe doit comporter au moins " + MIN_LENGTH + " caractères.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (commonPasswords.contains(lower) || (core.length() >= 6 && commonPasswords.contains(core))) {
            return Optional.of("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.");
        }
        if (lower.chars().distinct().count() <= 2 || isKeyboardSequence(lower)) {
            return Optional.of("Ce mot de passe est trop simple : évitez les caractères répétés.");
        }
        String emailLetters = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0].replaceAll("[^\\p{L}]", "");
        if (emailLetters.length() >= 4 && lower.replaceAll("[^\\p{L}]", "").equals(emailLetters)) {
            return Optional.of("Le mot de passe ne doit pas reprendre votre adresse électronique.");
        }
        return Optional.empty();
    }

    /** "123456789012", "987654321098", "abcdefghijkl": each character follows the previous one. */
    private static boolean isKeyboardSequence(String password) {
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < password.length(); i++) {
            int step = password.charAt(i) - password.charAt(i - 1);
            boolean digitWrap = Character.isDigit(password.charAt(i)) && Math.abs(step) == 9;
            ascending &= step == 1 || (digitWrap && step == -9);
            descending &= step == -1 || (digitWrap && step == 9);
        }
        return ascending || descending;
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> set = new HashSet<>();
        try (var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
