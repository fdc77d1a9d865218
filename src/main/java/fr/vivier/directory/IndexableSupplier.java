package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What the search index holds about a published supplier, read in bulk through {@link SupplierDirectory}: its public
 * content only (no contact person, no consent, no client reference).
 */
public record IndexableSupplier(
    long id,
    String slug,
    String name,
    @Nullable String tradeName,
    StructureKind kind,
    boolean ess,
    CompanySize size,
    String communeCode,
    String description,
    Instant updatedAt,
    List<String> sectors,
    List<SupplierChildren.LabelRow> labels,
    List<SupplierChildren.Area> areas,
    List<String> offers) {

    public String displayName() {
        return tradeName == null || tradeName.isBlank() ? name : tradeName;
    }
}
