package fr.vivier.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("commune")
public record Commune(@Id String code, String name, String departementCode, String regionCode,
                      @Nullable String epciCode, @Nullable String eptCode, int population, String postcodes) {
}
