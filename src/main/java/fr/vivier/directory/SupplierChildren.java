package fr.vivier.directory;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** The rows that hang off a supplier (one table each). */
public final class SupplierChildren {
    private SupplierChildren() {
    }

    @MappedEntity("supplier_contact")
    public record Contact(@Id Long supplierId, String name, @Nullable String role, String email, @Nullable String phone) { }

    public record LabelRow(Long supplierId, String labelCode, @Nullable String proof, @Nullable LocalDate expiresOn,
                           boolean verified, @Nullable Instant verifiedAt, @Nullable Long verifiedBy) {
        public String expiresOnFrench() {
            return FrenchFormat.date(expiresOn);
        }

        /** An expiry date in the past wins over the verification. */
        public LabelState verificationState(LocalDate today) {
            if (expiresOn != null && expiresOn.isBefore(today)) {
                return LabelState.EXPIRED;
            }
            return verified ? LabelState.VERIFIED : LabelState.UNVERIFIED;
        }
    }

    public record Area(Long supplierId, AreaType areaType, String areaCode) {
        /** « Bondy (93) », « Est Ensemble », « Seine-Saint-Denis (93) », « Toute la France ». */
        public String name(ReferenceData reference) {
            return switch (areaType) {
                case COMMUNE -> reference.commune(areaCode).map(Commune::displayName).orElse(areaCode);
                case EPCI -> reference.epciName(areaCode);
                case DEPARTEMENT -> reference.departementName(areaCode) + " (" + areaCode + ")";
                case REGION -> reference.regionName(areaCode);
                case NATIONAL -> "Toute la France";
            };
        }
    }


    @MappedEntity("supplier_consent")
    public record Consent(@Id @GeneratedValue @Nullable Long id, Long supplierId, ConsentKind kind, String version, String text,
                          Instant grantedAt, @Nullable Instant withdrawnAt) {
        public boolean active() {
            return withdrawnAt == null;
        }
    }

    @MappedEntity("supplier_history")
    public record HistoryEntry(@Id @GeneratedValue @Nullable Long id, Long supplierId, Instant occurredAt, String actor,
                               String action, @Nullable String detail) { }

    @MappedEntity("supplier_link")
    public record Link(@Id @GeneratedValue @Nullable Long id, Long supplierId, String tokenHash, Instant expiresAt,
                       @Nullable Instant usedAt, Instant createdAt) { }
}
