package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A registered structure (the establishment identified by its SIRET). */
@MappedEntity("supplier")
public record Supplier(
    @Id @GeneratedValue @Nullable Long id,
    String siret,
    String siren,
    String slug,
    String name,
    @Nullable String tradeName,
    LegalForm legalForm,
    CompanySize size,
    StructureKind kind,
    boolean ess,
    String communeCode,
    String description,
    @Nullable String website,
    SupplierStatus status,
    boolean reviewNeeded,
    @Nullable String statusReason,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant publishedAt,
    Instant lastActivityAt,
    @Nullable Instant retentionNoticeAt) {

    public String displayName() {
        return tradeName == null || tradeName.isBlank() ? name : tradeName;
    }

    public boolean isPublished() {
        return status == SupplierStatus.PUBLISHED;
    }

    public Supplier withStatus(SupplierStatus newStatus, @Nullable String reason, boolean needsReview, Instant now) {
        return new Supplier(id, siret, siren, slug, name, tradeName, legalForm, size, kind, ess, communeCode, description,
            website, newStatus, needsReview, reason, createdAt, now,
            newStatus == SupplierStatus.PUBLISHED && publishedAt == null ? now : publishedAt, lastActivityAt, retentionNoticeAt);
    }

    public Supplier withProfile(String newName, @Nullable String newTradeName, LegalForm newLegalForm, CompanySize newSize,
                                StructureKind newKind, String newCommuneCode, String newDescription, @Nullable String newWebsite,
                                SupplierStatus newStatus, boolean needsReview, Instant now) {
        return new Supplier(id, siret, siren, slug, newName, newTradeName, newLegalForm, newSize, newKind, newKind.impliesEss(),
            newCommuneCode, newDescription, newWebsite, newStatus, needsReview, statusReason, createdAt, now,
            newStatus == SupplierStatus.PUBLISHED && publishedAt == null ? now : publishedAt, now, null);
    }
}
