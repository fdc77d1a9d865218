package fr.vivier.demo;

import fr.vivier.directory.SupplierInput;

import java.util.List;

/** A demo structure as registered, whether staff publish it, and which of its labels staff verified. */
record DemoSupplier(SupplierInput input, boolean publish, List<String> verifiedLabels) {
}
