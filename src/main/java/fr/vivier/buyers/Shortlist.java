package fr.vivier.buyers;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A buyer's need for a purchase under 40 000 € HT and the suppliers the portal proposed for it. */
@MappedEntity("shortlist")
public record Shortlist(
    @Id @GeneratedValue @Nullable Long id,
    long accountId,
    String object,
    String sector,
    String commune,
    @Nullable String keywords,
    boolean socialFirst,
    Instant createdAt) {

    public String createdOnFrench() {
        return FrenchFormat.date(createdAt);
    }
}
