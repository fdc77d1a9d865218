package fr.vivier.sourcing;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** One contact between a buyer and a supplier, as the buyer logged it. */
@MappedEntity("sourcing_entry")
public record SourcingEntry(
    @Id @GeneratedValue @Nullable Long id,
    long accountId,
    String direction,
    @Nullable Long supplierId,
    String supplierName,
    @Nullable String supplierSiret,
    SupplierFamily supplierFamily,
    LocalDate contactDate,
    ContactChannel channel,
    String purpose,
    @Nullable Long programmingLineId,
    @Nullable Long programmingLotId,
    @Nullable Long shortlistId,
    @Nullable Long recontactRequestId,
    ContactOutcome outcome,
    String notes,
    Instant createdAt,
    Instant updatedAt) {

    public String contactDateFrench() {
        return FrenchFormat.date(contactDate);
    }
}
