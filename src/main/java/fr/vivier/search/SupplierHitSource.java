package fr.vivier.search;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * The part of a {@link SupplierDocument} a search hit shows. Searches ask Elasticsearch for these fields only: the
 * analysed token fields, place codes and suggestions would double what every search reads and decodes.
 */
record SupplierHitSource(
    long id,
    String slug,
    String name,
    @Nullable String tradeName,
    String description,
    List<String> offers,
    String kind,
    String family,
    String size,
    List<String> sectors,
    List<String> sectorGroups,
    List<String> labels,
    String communeName,
    String departementCode,
    boolean local) {

    /** « Montreuil (93) »: homonyms are many (Montreuil is in six départements). */
    String communeDisplayName() {
        return departementCode == null || departementCode.isBlank() ? communeName : communeName + " (" + departementCode + ")";
    }

    /** The _source fields to ask for: this record's components, which are named like the document's fields. */
    static final List<String> FIELDS = Arrays.stream(SupplierHitSource.class.getRecordComponents()).map(c -> c.getName()).toList();
}
