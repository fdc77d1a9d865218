package fr.vivier.search;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Published suppliers for search tests, each carrying a unique word so a test only sees its own data. */
public final class SearchTestData {
    private SearchTestData() {
    }

    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zorb");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    public static void await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("condition non remplie en " + timeout.toMillis() + " ms");
    }
}
