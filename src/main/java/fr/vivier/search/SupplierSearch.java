package fr.vivier.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import fr.vivier.reference.Territories;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search with facets on the suppliers index. Facets are multi-select: each facet's counts are
 * computed with every filter except its own (filter aggregations), and the hits are filtered by all of them
 * (post_filter). The text part is {@link FullTextQuery}.
 */
@Singleton
public class SupplierSearch {
    private static final Logger LOG = LoggerFactory.getLogger(SupplierSearch.class);
    static final Map<String, String> FACET_FIELDS = new LinkedHashMap<>();

    static {
        FACET_FIELDS.put("sectorGroup", "sectorGroups");
        FACET_FIELDS.put("sector", "sectors");
        FACET_FIELDS.put("label", "labels");
        FACET_FIELDS.put("kind", "family");
        FACET_FIELDS.put("size", "size");
    }

    private static final java.time.Duration TIMEOUT = java.time.Duration.ofMillis(1500);
    private final co.elastic.clients.elasticsearch.ElasticsearchAsyncClient client;
    private final SearchConfiguration configuration;
    private final FrenchAnalyzer analyzer;
    private final Highlighter highlighter;
    private final Territories territories;
    private final SupplierDocuments documents;
    private final FacetLabels facetLabels;
    private final FullTextQuery fullText;

    SupplierSearch(co.elastic.clients.elasticsearch.ElasticsearchAsyncClient client, SearchConfiguration configuration, FrenchAnalyzer analyzer, Highlighter highlighter,
                   Territories territories, SupplierDocuments documents, FacetLabels facetLabels,
                   FullTextQuery fullText) {
        this.client = client;
        this.configuration = configuration;
        this.analyzer = analyzer;
        this.highlighter = highlighter;
        this.territories = territories;
        this.documents = documents;
        this.facetLabels = facetLabels;
        this.fullText = fullText;
    }

    public SearchResult search(SearchQuery query) {
        try {
            // a search never waits more than TIMEOUT: past it, the page says search is unavailable
            SearchResponse<SupplierDocument> response = client.search(request(query), SupplierDocument.class)
                .get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return toResult(query, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SearchResult.degraded(query.page(), query.pageSize());
        } catch (Exception e) {
            LOG.warn("search degraded: {}", e.getMessage());
            return SearchResult.degraded(query.page(), query.pageSize());
        }
    }

    SearchRequest request(SearchQuery query) {
        Map<String, Query> facetFilters = facetFilters(query);
        List<Query> baseFilters = baseFilters(query);
        SearchRequest.Builder request = new SearchRequest.Builder()
            .index(configuration.alias("suppliers"))
            .from(query.from()).size(query.pageSize())
            .trackTotalHits(t -> t.enabled(true))
            .query(q -> q.bool(b -> {
                if (query.hasText()) {
                    b.must(fullText.build(query.text()));
                }
                return b.filter(baseFilters);
            }))
            .postFilter(pf -> pf.bool(b -> b.filter(List.copyOf(facetFilters.values()))));
        for (Map.Entry<String, String> facet : FACET_FIELDS.entrySet()) {
            List<Query> others = facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(facet.getKey()))
                .map(Map.Entry::getValue).toList();
            request.aggregations(facet.getKey(), a -> a.filter(f -> f.bool(b -> b.filter(others)))
                .aggregations("values", sub -> sub.terms(t -> t.field(facet.getValue()).size(300))));
        }
        request.aggregations("local", a -> a.filter(f -> f.bool(b -> b.filter(List.copyOf(facetFilters.values()))
            .filter(l -> l.term(t -> t.field("local").value(true))))));
        switch (query.sort()) {
            case NAME -> request.sort(s -> s.field(f -> f.field("sortName").order(SortOrder.Asc)));
            case UPDATED -> request.sort(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc)));
            case RELEVANCE -> request.sort(s -> s.score(sc -> sc.order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field("sortName").order(SortOrder.Asc)));
        }
        return request.build();
    }

    /** Filters that are not facets: place of execution, local only, verified labels only. */
    private List<Query> baseFilters(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (query.commune() != null) {
            territories.commune(query.commune()).ifPresent(commune -> filters.add(Query.of(q -> q.terms(t -> t.field("areaCodes")
                .terms(v -> v.value(documents.codesCovering(commune).stream().map(FieldValue::of).toList()))))));
        }
        if (query.localOnly()) {
            filters.add(Query.of(q -> q.term(t -> t.field("local").value(true))));
        }
        return filters;
    }

    private Map<String, Query> facetFilters(SearchQuery query) {
        Map<String, Query> filters = new LinkedHashMap<>();
        addTerms(filters, "sectorGroup", "sectorGroups", query.sectorGroups());
        addTerms(filters, "sector", "sectors", query.sectors());
        addTerms(filters, "label", query.verifiedLabelsOnly() ? "verifiedLabels" : "labels", query.labels());
        addTerms(filters, "kind", "family", query.kinds());
        addTerms(filters, "size", "size", query.sizes());
        return filters;
    }

    private static void addTerms(Map<String, Query> filters, String facet, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(facet, Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList())))));
        }
    }

    private SearchResult toResult(SearchQuery query, SearchResponse<SupplierDocument> response) {
        long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        List<String> queryTerms = query.hasText() ? analyzer.terms(query.text()) : List.of();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<SupplierDocument> hit : response.hits().hits()) {
            SupplierDocument doc = hit.source();
            if (doc != null) {
                hits.add(toHit(doc, query, queryTerms));
            }
        }
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : FACET_FIELDS.keySet()) {
            Aggregate values = response.aggregations().get(facet).filter().aggregations().get("values");
            Set<String> selected = Set.copyOf(selectedValues(query, facet));
            List<SearchResult.FacetValue> counts = new ArrayList<>();
            for (StringTermsBucket bucket : values.sterms().buckets().array()) {
                String code = bucket.key().stringValue();
                counts.add(new SearchResult.FacetValue(code, facetLabels.label(facet, code), bucket.docCount(), selected.contains(code)));
            }
            selected.stream().filter(code -> counts.stream().noneMatch(c -> c.code().equals(code)))
                .forEach(code -> counts.add(new SearchResult.FacetValue(code, facetLabels.label(facet, code), 0, true)));
            facets.put(facet, counts);
        }
        long local = response.aggregations().get("local").filter().docCount();
        facets.put("local", List.of(new SearchResult.FacetValue("true", "Implanté sur notre territoire", local, query.localOnly())));
        return new SearchResult(total, query.page(), query.pageSize(), hits, facets, false, null);
    }

    private static List<String> selectedValues(SearchQuery query, String facet) {
        return switch (facet) {
            case "sectorGroup" -> query.sectorGroups();
            case "sector" -> query.sectors();
            case "label" -> query.labels();
            case "kind" -> query.kinds();
            case "size" -> query.sizes();
            default -> List.of();
        };
    }

    /** A hit with a highlighted excerpt and the reasons it matched (sector, label, area, text). */
    private SearchResult.Hit toHit(SupplierDocument doc, SearchQuery query, List<String> queryTerms) {
        List<String> why = new ArrayList<>();
        doc.sectors().stream().filter(query.sectors()::contains).forEach(s -> why.add("Secteur : " + facetLabels.label("sector", s)));
        doc.sectorGroups().stream().filter(query.sectorGroups()::contains).forEach(g -> why.add("Famille : " + facetLabels.label("sectorGroup", g)));
        doc.labels().stream().filter(query.labels()::contains).forEach(l -> why.add("Label : " + facetLabels.label("label", l)));
        if (query.commune() != null) {
            why.add("Intervient à " + territories.commune(query.commune()).map(Territories.CommuneEntry::displayName).orElse(query.commune()));
        }
        if (doc.local()) {
            why.add("Implanté sur notre territoire");
        }
        List<Highlighter.Segment> highlight = List.of();
        if (!queryTerms.isEmpty()) {
            String matched = firstMatching(doc, queryTerms);
            if (matched != null) {
                highlight = highlighter.highlight(matched, queryTerms);
                why.add("Texte : correspond à « " + query.text().strip() + " »");
            }
        }
        if (highlight.isEmpty() && !doc.description().isBlank()) {
            highlight = highlighter.highlight(doc.description(), List.of());
        }
        return new SearchResult.Hit(doc.id(), doc.slug(), doc.name(), doc.tradeName(), doc.kind(), doc.family(), doc.size(),
            doc.communeName(), doc.sectors(), doc.labels(), highlight, why);
    }

    private String firstMatching(SupplierDocument doc, List<String> queryTerms) {
        for (String text : List.of(doc.name() + (doc.tradeName() == null ? "" : " — " + doc.tradeName()),
            String.join(" · ", doc.offers()), doc.description())) {
            if (analyzer.terms(text).stream().anyMatch(queryTerms::contains)) {
                return text;
            }
        }
        return null;
    }
}
