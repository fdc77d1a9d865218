package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.testsupport.Sirets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    public static Supplier publish(DirectoryService directory, String name, String kind, String communeCode, List<String> sectors,
                            List<SupplierInput.AreaInput> areas, String description) {
        SupplierInput input = new SupplierInput(Sirets.next(), name, null, "SAS", "TPE", kind, communeCode, areas, sectors,
            List.of(), description, List.of(), List.of(), null,
            new SupplierInput.ContactInput("Test Contact", null, "search-" + UUID.randomUUID() + "@test.vivier.example", null),
            new SupplierInput.ConsentsInput(true, true, false), null);
        var result = directory.register(input, "test");
        if (!(result instanceof DirectoryService.RegistrationResult.Registered registered)) {
            throw new IllegalStateException("inscription de test refusée : " + result);
        }
        directory.changeStatus(registered.supplier().id(), SupplierStatus.PUBLISHED, null, "test");
        return registered.supplier();
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
