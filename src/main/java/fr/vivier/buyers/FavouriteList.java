package fr.vivier.buyers;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A named list of suppliers a buyer keeps (« Traiteurs ESS », « Nettoyage des gymnases »…). */
@MappedEntity("favourite_list")
public record FavouriteList(@Id @GeneratedValue @Nullable Long id, long accountId, String name, Instant createdAt) {
    public String createdOnFrench() {
        return FrenchFormat.date(createdAt);
    }
}
