package fr.vivier;

import fr.vivier.purchases.PurchaseCommand;
import fr.vivier.search.SupplierReindexer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.util.Arrays;

public class Application {
    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("import")) {
            System.exit(importPurchases(args[1], args[2]));
        }
        if (Arrays.asList(args).contains("reindex")) {
            reindex();
            return;
        }
        Micronaut.build(args).banner(false).start();
    }

    /** `./vivier import decp|purchases FILE`: imports purchase records without starting the web server. */
    private static int importPurchases(String kind, String file) {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            return PurchaseCommand.run(context, kind, file, System.out);
        }
    }

    /** `./vivier reindex`: rebuilds the search index from PostgreSQL without starting the web server. */
    private static void reindex() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            String index = context.getBean(SupplierReindexer.class).reindex(progress ->
                System.out.printf("\r%s : %d / %d fournisseurs (%d %%)", progress.state(), progress.done(), progress.total(), progress.percent()));
            System.out.println("\nIndex reconstruit : " + index);
        }
    }
}
