package fr.vivier.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** Hits, facets with counts, and whether the search engine was reachable. */
@Serdeable
public record SearchResult(
    long total,
    int page,
    int pageSize,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    boolean degraded,
    @Nullable String message) {

    @Serdeable
    public record Hit(long id, String slug, String name, @Nullable String tradeName, String kind, String family, String size,
                      String commune, List<String> sectors, List<String> labels, List<Highlighter.Segment> highlight,
                      List<String> why) {
        public String familyLabel() {
            return switch (family) {
                case "SIAE" -> "Insertion (SIAE)";
                case "STPA" -> "ESAT / EA";
                case "ESS" -> "ESS";
                default -> "Entreprise";
            };
        }
    }

    @Serdeable
    public record FacetValue(String code, String label, long count, boolean selected) { }

    public int totalPages() {
        return pageSize == 0 ? 0 : (int) Math.min((total + pageSize - 1) / pageSize, 10_000 / pageSize);
    }

    static SearchResult degraded(int page, int pageSize) {
        return new SearchResult(0, page, pageSize, List.of(), Map.of(), true,
            "La recherche est momentanément indisponible. Réessayez dans quelques minutes ; les inscriptions et les fiches restent accessibles.");
    }
}
