package fr.vivier.search;

import fr.vivier.reference.Commune;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.reference.ReferenceData;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The supplier search page /fournisseurs: query, facets with counts, results that say why they matched. */
@Controller("/fournisseurs")
@Secured(SecurityRule.IS_ANONYMOUS)
class SearchController {
    private static final Map<String, String> FACET_TITLES = new LinkedHashMap<>();

    static {
        FACET_TITLES.put("kind", "Type de structure");
        FACET_TITLES.put("sectorGroup", "Famille d’activités");
        FACET_TITLES.put("sector", "Secteur");
        FACET_TITLES.put("label", "Label");
        FACET_TITLES.put("size", "Taille");
        FACET_TITLES.put("local", "Territoire");
    }

    private final SupplierSearch search;
    private final SearchQueries queries;
    private final ReferenceData reference;
    private final DidYouMean didYouMean;

    SearchController(SupplierSearch search, SearchQueries queries, ReferenceData reference, DidYouMean didYouMean) {
        this.search = search;
        this.queries = queries;
        this.reference = reference;
        this.didYouMean = didYouMean;
    }

    /** A facet value as the page shows it: label, count, whether selected, and the link that toggles it. */
    public record FacetLink(String label, long count, boolean selected, String href) { }

    public record Facet(String code, String title, List<FacetLink> values) {
        /** The values' links as {@code <li>} items, for {@code th:utext} ({@link FacetLinksHtml}). */
        public String valuesHtml() {
            return FacetLinksHtml.items(values);
        }
    }

    @Get
    CompletableFuture<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request) {
        SearchQueries.Parsed parsed = queries.parse(request.getParameters());
        Map<String, Object> model = new HashMap<>();
        String communeText = request.getParameters().get("communeRecherche");
        SearchQuery query = resolveCommune(parsed.query(), communeText, model);
        model.put("typedText", request.getParameters().get("q"));
        return search.searchAsync(query).thenCompose(result -> didYouMean.offeredWith(query, result, "/fournisseurs"))
            .thenApply(result -> page(query, parsed, result, model));
    }

    private ModelAndView<Map<String, Object>> page(SearchQuery query, SearchQueries.Parsed parsed, SearchResult result,
                                                   Map<String, Object> model) {
        model.put("query", query);
        model.put("textError", parsed.errors().get("q"));
        model.put("result", result);
        model.put("errors", parsed.errors());
        model.put("facets", facets(query, result));
        model.put("communeName", query.commune() == null ? "" : reference.commune(query.commune()).map(Commune::displayName).orElse(""));
        model.put("previousHref", query.page() > 1 ? "/fournisseurs?" + SearchQueries.toQueryString(SearchQueries.atPage(query, query.page() - 1)) : null);
        model.put("nextHref", query.page() < result.totalPages() ? "/fournisseurs?" + SearchQueries.toQueryString(SearchQueries.atPage(query, query.page() + 1)) : null);
        model.put("clearHref", "/fournisseurs");
        model.put("exportQuery", SearchQueries.toQueryString(query));
        return new ModelAndView<>("search/fournisseurs", model);
    }

    /** « Commune d’exécution » typed as a name or postcode: resolved when unambiguous, otherwise candidates are offered. */
    private SearchQuery resolveCommune(SearchQuery query, String text, Map<String, Object> model) {
        model.put("communeCandidates", List.of());
        if (text == null || text.isBlank() || query.commune() != null) {
            return query;
        }
        CommuneChoice commune = reference.resolveCommune(null, text, "");
        if (commune.resolved()) {
            return new SearchQuery(query.text(), query.sectorGroups(), query.sectors(), query.labels(), query.kinds(), query.sizes(),
                commune.commune().code(), query.localOnly(), query.verifiedLabelsOnly(), query.sort(), 1, query.pageSize());
        }
        model.put("communeCandidates", commune.candidates());
        model.put("communeText", text);
        return query;
    }

    private static List<Facet> facets(SearchQuery query, SearchResult result) {
        List<Facet> facets = new ArrayList<>();
        FACET_TITLES.forEach((code, title) -> {
            List<SearchResult.FacetValue> values = result.facets().getOrDefault(code, List.of());
            List<FacetLink> links = values.stream()
                .filter(v -> v.count() > 0 || v.selected())
                .filter(v -> !"sector".equals(code) || !query.sectorGroups().isEmpty() || v.selected() || values.size() <= SupplierSearch.FEW_SECTORS)
                .map(v -> new FacetLink(v.label(), v.count(), v.selected(),
                    "/fournisseurs?" + SearchQueries.toQueryString(SearchQueries.toggle(query, code, v.code()))))
                .toList();
            if (!links.isEmpty()) {
                facets.add(new Facet(code, title, links));
            }
        });
        return facets;
    }
}
