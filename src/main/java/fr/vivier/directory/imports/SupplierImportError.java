package fr.vivier.directory.imports;

import io.micronaut.core.annotation.Nullable;

/** Why a line of an imported file is not imported: {@code column} is the CSV column name, null for the whole line. */
public record SupplierImportError(long line, @Nullable String column, String reason) {
}
