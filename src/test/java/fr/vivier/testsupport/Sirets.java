package fr.vivier.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid (Luhn) SIRETs for tests, so that every test registers its own structures. */
public final class Sirets {
    private Sirets() {
    }

    public static String next() {
        StringBuilder digits = new StringBuilder("9");
        for (int i = 0; i < 12; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
