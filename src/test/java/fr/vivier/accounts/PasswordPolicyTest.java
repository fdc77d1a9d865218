package fr.vivier.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"court", "onze-chars!", "password1234", "Password12345!", "azertyuiop2026", "motdepasse2026",
        "aaaaaaaaaaaaaaaa", "abababababababab", "123456789012"})
    void refusesShortCommonOrRepetitivePasswords(String password) {
        assertTrue(policy.problemWith(password, "camille@ville.example").isPresent(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Le vivier des fournisseurs locaux", "cheval-agrafe-batterie-correct", "Ça reste 12 caractères"})
    void acceptsLongUncommonPasswords(String password) {
        assertFalse(policy.problemWith(password, "camille@ville.example").isPresent(), password);
    }

    @Test
    void acceptsSixtyFourCharactersAndMore() {
        String longPassword = "une très longue phrase de passe qui dépasse soixante-quatre caractères sans problème";
        assertTrue(longPassword.length() > 64);
        assertFalse(policy.problemWith(longPassword, "camille@ville.example").isPresent());
    }

    @Test
    void refusesThePasswordThatIsTheEmailName() {
        assertTrue(policy.problemWith("dominique.martin2026", "dominique.martin@ville.example").isPresent());
    }

    @Test
    void refusesAbsurdlyLongInput() {
        assertTrue(policy.problemWith("x".repeat(129) + "yz", "a@b.example").isPresent());
    }
}
