package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A supplier as lists show it (favourites, shortlists, digests, queues), read in bulk through {@link SupplierDirectory}.
 *
 * @param communeName the commune as pages show it, « Bondy (93) »; its code when the commune is unknown
 * @param onTerritory « implanté sur notre territoire »: the establishment's commune is in the authority's territory
 */
public record SupplierSummary(
    long id,
    String slug,
    String name,
    @Nullable String tradeName,
    String siret,
    StructureKind kind,
    CompanySize size,
    boolean ess,
    String communeCode,
    String communeName,
    boolean onTerritory,
    SupplierStatus status,
    @Nullable Instant publishedAt) {

    public String displayName() {
        return tradeName == null || tradeName.isBlank() ? name : tradeName;
    }

    public boolean isPublished() {
        return status == SupplierStatus.PUBLISHED;
    }

    /** SIAE, STPA or another structure of the social and solidarity economy. */
    public boolean socialEconomy() {
        return kind.family() != StructureKind.Family.COMPANY;
    }
}
