package fr.vivier.directory;

import java.util.Optional;

/**
 * A SIRET: 14 digits passing the Luhn check (La Poste's establishments, SIREN 356 000 000, use the
 * sum-of-digits-multiple-of-5 rule instead). Spaces are tolerated on input.
 */
public record Siret(String value) {
    private static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        if (!isValid(value)) {
            throw new IllegalArgumentException("SIRET invalide");
        }
    }

    public static Optional<Siret> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replace(" ", "").replace("\u00a0", "");
        return isValid(digits) ? Optional.of(new Siret(digits)) : Optional.empty();
    }

    /** Why the input is not a SIRET, in French, or empty when it is one. */
    public static Optional<String> problemWith(String input) {
        String digits = input == null ? "" : input.replace(" ", "").replace("\u00a0", "");
        if (digits.isEmpty()) {
            return Optional.of("Saisissez le numéro SIRET de l’établissement (14 chiffres).");
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("Le SIRET ne doit contenir que des chiffres.");
        }
        if (digits.length() != 14) {
            return Optional.of("Le SIRET compte 14 chiffres (vous en avez saisi " + digits.length() + ").");
        }
        return isValid(digits) ? Optional.empty()
            : Optional.of("Ce numéro SIRET n’est pas valide : sa clé de contrôle ne correspond pas, un chiffre est sans doute mal "
                + "recopié. Vérifiez-le sur votre extrait Kbis ou avis de situation Insee.");
    }

    public String siren() {
        return value.substring(0, 9);
    }

    public String nic() {
        return value.substring(9);
    }

    /** « 123 456 789 00012 » */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6, 9) + " " + value.substring(9);
    }

    private static boolean isValid(String digits) {
        if (digits == null || digits.length() != 14 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (digits.startsWith(LA_POSTE_SIREN)) {
            return digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
