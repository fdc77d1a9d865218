package fr.vivier.reference;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("sector_group")
public record SectorGroup(@Id String code, String label, int position) {
}
