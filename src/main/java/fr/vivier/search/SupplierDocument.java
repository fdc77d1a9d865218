package fr.vivier.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What Elasticsearch holds for a published supplier (mapping in search-mappings/suppliers.json). No contact
 * data ever: the index is derived, public data. {@code areaCodes} are prefixed codes: C:communes, E:EPCI/EPT,
 * D:départements, R:régions, FR for the whole country; a search for a place of execution asks for every level above it.
 * Texts are indexed analysed (see {@link FrenchAnalyzer}): {@code *Tokens} hold light stems, {@code *Words} exact forms
 * (with their beginnings indexed by Elasticsearch), {@code spellingWords} the distinct lowercase words a « vouliez-vous
 * dire » can propose. These analysed fields are left out of the stored source (they are only searched), so they are
 * null in the documents a search returns.
 */
@Serdeable
public record SupplierDocument(
    long id,
    String slug,
    String name,
    @Nullable String tradeName,
    String sortName,
    @Nullable String nameTokens,
    @Nullable String sectorTokens,
    @Nullable String offerTokens,
    @Nullable String descriptionTokens,
    @Nullable String nameWords,
    @Nullable String sectorWords,
    @Nullable String offerWords,
    @Nullable String descriptionWords,
    @Nullable String spellingWords,
    String description,
    List<String> offers,
    String kind,
    String family,
    boolean ess,
    String size,
    List<String> sectors,
    List<String> sectorGroups,
    List<String> labels,
    List<String> verifiedLabels,
    String communeCode,
    String communeName,
    @Nullable String epciCode,
    String departementCode,
    String regionCode,
    boolean local,
    List<String> areaCodes,
    String updatedAt,
    List<String> nameSuggest) {
}
