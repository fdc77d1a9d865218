package fr.vivier.demo;

import fr.vivier.directory.SupplierInput;

import java.util.List;

/** The demo structures staff publish, for tests and benchmarks that judge search results on a known directory. */
public final class DemoStructures {
    private DemoStructures() {
    }

    public static List<SupplierInput> published(DemoSupplierLoader loader) {
        return loader.demoSuppliers().stream().filter(DemoSupplier::publish).map(DemoSupplier::input).toList();
    }
}
