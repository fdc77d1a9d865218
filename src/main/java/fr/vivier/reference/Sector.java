package fr.vivier.reference;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A sector of the buyers' taxonomy, mapped to NAF codes and CPV prefixes (space-separated). */
@MappedEntity("sector")
public record Sector(@Id String code, String label, String groupCode, String nafPrefixes, String cpvPrefixes, int position) {
}
