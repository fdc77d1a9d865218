package fr.vivier.reference;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A label or certification a supplier can hold (catalogue in reference/labels.csv). */
@MappedEntity("label")
public record Label(@Id String code, String label, String description, String category, boolean canExpire, int position) {
}
