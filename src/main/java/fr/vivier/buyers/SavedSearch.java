package fr.vivier.buyers;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A search a buyer keeps (its query string), mailed as a digest when new suppliers match it. */
@MappedEntity("saved_search")
public record SavedSearch(
    @Id @GeneratedValue @Nullable Long id,
    long accountId,
    String name,
    String query,
    boolean subscribed,
    String unsubscribeTokenHash,
    Instant createdAt,
    @Nullable Instant lastDigestAt) {

    public String createdOnFrench() {
        return FrenchFormat.date(createdAt);
    }

    public String lastDigestOnFrench() {
        return lastDigestAt == null ? "" : FrenchFormat.date(lastDigestAt);
    }

    SavedSearch withSubscribed(boolean value) {
        return new SavedSearch(id, accountId, name, query, value, unsubscribeTokenHash, createdAt, lastDigestAt);
    }

    SavedSearch withLastDigestAt(Instant at) {
        return new SavedSearch(id, accountId, name, query, subscribed, unsubscribeTokenHash, createdAt, at);
    }
}
