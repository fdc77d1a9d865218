package fr.vivier.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what happens asynchronously (indexing, scheduled jobs), checking every 100 ms. */
public final class Await {
    private Await() {
    }

    /** Returns as soon as the condition holds; fails the test when it still does not after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("attente interrompue", e);
            }
        }
        throw new AssertionError("condition non remplie en " + timeout.toMillis() + " ms");
    }
}
