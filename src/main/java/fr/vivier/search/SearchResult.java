package fr.vivier.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hits, facets with counts, and whether the search engine was reachable. {@code total} is exact unless
 * {@code totalIsLowerBound}: hits are counted up to {@code vivier.search.max-counted-hits}, and there are at least that many.
 */
@Serdeable
public record SearchResult(
    long total,
    boolean totalIsLowerBound,
    int page,
    int pageSize,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    boolean degraded,
    @Nullable String message,
    @Nullable Correction didYouMean) {

    /** « Vouliez-vous dire … ? »: the corrected text and the link to its search. */
    @Serdeable
    public record Correction(String text, String href) { }

    SearchResult withDidYouMean(Correction correction) {
        return new SearchResult(total, totalIsLowerBound, page, pageSize, hits, facets, degraded, message, correction);
    }

    @Serdeable
    public record Hit(long id, String slug, String name, @Nullable String tradeName, String kind, String family, String size,
                      String commune, List<String> sectors, List<String> labels, List<Highlighter.Segment> highlight,
                      List<String> why) {
        /** The excerpt as HTML, words found in {@code <mark>}, for the page's {@code th:utext}. */
        public String excerptHtml() {
            return Highlighter.toSafeHtml(highlight);
        }

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

    /** « 1 fournisseur trouvé », « 12 fournisseurs trouvés », « plus de 10 000 fournisseurs trouvés ». */
    public String totalText() {
        String count = NumberFormat.getIntegerInstance(Locale.FRANCE).format(total);
        if (totalIsLowerBound) {
            return "plus de " + count + " fournisseurs trouvés";
        }
        return count + (total > 1 ? " fournisseurs trouvés" : " fournisseur trouvé");
    }

    public int totalPages() {
        return pageSize == 0 ? 0 : (int) Math.min((total + pageSize - 1) / pageSize, 10_000 / pageSize);
    }

    static SearchResult degraded(int page, int pageSize) {
        return new SearchResult(0, false, page, pageSize, List.of(), Map.of(), true,
            "La recherche est momentanément indisponible. Réessayez dans quelques minutes ; les inscriptions et les fiches restent accessibles.", null);
    }
}
