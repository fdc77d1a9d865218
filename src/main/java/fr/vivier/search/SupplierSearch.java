package fr.vivier.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

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

    /**
     * Sectors are many (150): until a family or a sector is chosen, the page lists them only when there are at most this
     * many, so the most frequent {@code FEW_SECTORS + 1} tell it enough and every other search reads fewer buckets.
     */
    static final int FEW_SECTORS = 30;
    private static final String LOCAL = "local";
    private static final String UNFILTERED = "";
    private static final String ALL_FILTERS = "facets";
    private static final String OTHERS_THAN = "facets-but-";
    private static final int ALL_VALUES = 300;
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofMillis(1500);
    private final co.elastic.clients.elasticsearch.ElasticsearchAsyncClient client;
    private final SearchConfiguration configuration;
    private final HitTexts hitTexts;
    private final Highlighter highlighter;
    private final ReferenceData reference;
    private final SupplierDocuments documents;
    private final FacetLabels facetLabels;
    private final FullTextQuery fullText;
    private final ExecutorService executor;

    SupplierSearch(co.elastic.clients.elasticsearch.ElasticsearchAsyncClient client, SearchConfiguration configuration, HitTexts hitTexts, Highlighter highlighter,
                   ReferenceData reference, SupplierDocuments documents, FacetLabels facetLabels, FullTextQuery fullText,
                   @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.client = client;
        this.executor = executor;
        this.configuration = configuration;
        this.hitTexts = hitTexts;
        this.highlighter = highlighter;
        this.reference = reference;
        this.documents = documents;
        this.facetLabels = facetLabels;
        this.fullText = fullText;
    }

    /** The search, for callers that wait for it (exports, alert digests). */
    public SearchResult search(SearchQuery query) {
        return searchAsync(query).join();
    }

    /**
     * The search without a thread waiting for Elasticsearch. The result is built on the blocking executor, not on the
     * client's few I/O threads that read every search's answer. Never fails: past {@link #TIMEOUT}, or when Elasticsearch
     * cannot answer, the result is degraded and the page says search is unavailable.
     */
    public CompletableFuture<SearchResult> searchAsync(SearchQuery query) {
        CompletableFuture<SearchResponse<SupplierHitSource>> response;
        try {
            response = client.search(request(query), SupplierHitSource.class);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .thenApplyAsync(answer -> toResult(query, answer), executor)
            .exceptionally(e -> {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                LOG.warn("search degraded: {} {}", cause.getClass().getSimpleName(), cause.getMessage());
                return SearchResult.degraded(query.page(), query.pageSize());
            });
    }

    SearchRequest request(SearchQuery query) {
        Map<String, Query> facetFilters = facetFilters(query);
        List<Query> baseFilters = baseFilters(query);
        SearchRequest.Builder request = new SearchRequest.Builder()
            .index(configuration.alias("suppliers"))
            .from(query.from()).size(query.pageSize())
            .source(s -> s.filter(f -> f.includes(SupplierHitSource.FIELDS)))
            .trackTotalHits(t -> t.count(configuration.getMaxCountedHits()))
            .query(q -> q.bool(b -> {
                if (query.hasText()) {
                    b.must(fullText.build(query.text()));
                }
                return b.filter(baseFilters);
            }))
            .postFilter(pf -> pf.bool(b -> b.filter(List.copyOf(facetFilters.values()))));
        aggregateFacets(request, query, facetFilters);
        switch (query.sort()) {
            case NAME -> request.sort(s -> s.field(f -> f.field("sortName").order(SortOrder.Asc)));
            case UPDATED -> request.sort(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc)));
            case RELEVANCE -> request.sort(s -> s.score(sc -> sc.order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field("sortName").order(SortOrder.Asc)));
        }
        return request.build();
    }

    /**
     * Multi-select facets: each facet counts its values over the hits filtered by every other facet. Facets that share
     * the same other filters are counted together, under one filter aggregation, or in the main pass when there is no
     * other filter: Elasticsearch runs the query again for each filter aggregation, and there were six of them for every
     * search.
     */
    private void aggregateFacets(SearchRequest.Builder request, SearchQuery query, Map<String, Query> facetFilters) {
        Map<String, Map<String, Aggregation>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, String> facet : FACET_FIELDS.entrySet()) {
            groups.computeIfAbsent(group(facet.getKey(), facetFilters), g -> new LinkedHashMap<>()).put(facet.getKey(),
                Aggregation.of(a -> a.terms(t -> t.field(facet.getValue()).size(facetSize(query, facet.getKey())))));
        }
        groups.computeIfAbsent(group(LOCAL, facetFilters), g -> new LinkedHashMap<>()).put(LOCAL, Aggregation.of(a -> a.terms(t -> t.field("local"))));
        groups.forEach((group, aggregations) -> {
            if (group.equals(UNFILTERED)) {
                request.aggregations(aggregations);
            } else {
                List<Query> others = facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(narrowedFacet(group)))
                    .map(Map.Entry::getValue).toList();
                request.aggregations(group, a -> a.filter(f -> f.bool(b -> b.filter(others))).aggregations(aggregations));
            }
        });
    }

    /** Where a facet's counts are: in the main pass, under the filter of every facet, or under every filter but its own. */
    private static String group(String facet, Map<String, Query> facetFilters) {
        boolean narrowed = facetFilters.containsKey(facet);
        int others = facetFilters.size() - (narrowed ? 1 : 0);
        if (others == 0) {
            return UNFILTERED;
        }
        return narrowed ? OTHERS_THAN + facet : ALL_FILTERS;
    }

    private static String narrowedFacet(String group) {
        return group.startsWith(OTHERS_THAN) ? group.substring(OTHERS_THAN.length()) : null;
    }

    /** The aggregation holding a facet's counts in the response. */
    private static Aggregate facetCounts(SearchResponse<?> response, String facet, Map<String, Query> facetFilters) {
        String group = group(facet, facetFilters);
        return group.equals(UNFILTERED) ? response.aggregations().get(facet)
            : response.aggregations().get(group).filter().aggregations().get(facet);
    }

    private static int facetSize(SearchQuery query, String facet) {
        boolean sectorsNarrowed = !query.sectorGroups().isEmpty() || !query.sectors().isEmpty();
        return facet.equals("sector") && !sectorsNarrowed ? FEW_SECTORS + 1 : ALL_VALUES;
    }

    /** Filters that are not facets: place of execution, local only, verified labels only. */
    private List<Query> baseFilters(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (query.commune() != null) {
            reference.commune(query.commune()).ifPresent(commune -> filters.add(Query.of(q -> q.terms(t -> t.field("areaCodes")
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

    private SearchResult toResult(SearchQuery query, SearchResponse<SupplierHitSource> response) {
        TotalHits counted = response.hits().total();
        long total = counted == null ? response.hits().hits().size() : counted.value();
        boolean totalIsLowerBound = counted != null && counted.relation() == TotalHitsRelation.Gte;
        FullTextQuery.Highlighted queryTerms = query.hasText() ? fullText.highlighted(query.text()) : null;
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<SupplierHitSource> hit : response.hits().hits()) {
            SupplierHitSource doc = hit.source();
            if (doc != null) {
                hits.add(toHit(doc, query, queryTerms));
            }
        }
        Map<String, Query> facetFilters = facetFilters(query);
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : FACET_FIELDS.keySet()) {
            Aggregate values = facetCounts(response, facet, facetFilters);
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
        long local = facetCounts(response, LOCAL, facetFilters).lterms().buckets().array().stream()
            .filter(bucket -> "true".equals(bucket.keyAsString())).mapToLong(LongTermsBucket::docCount).sum();
        facets.put("local", List.of(new SearchResult.FacetValue("true", "Implanté sur notre territoire", local, query.localOnly())));
        return new SearchResult(total, totalIsLowerBound, query.page(), query.pageSize(), hits, facets, false, null, null);
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
    private SearchResult.Hit toHit(SupplierHitSource doc, SearchQuery query, FullTextQuery.Highlighted queryTerms) {
        List<String> why = new ArrayList<>();
        doc.sectors().stream().filter(query.sectors()::contains).forEach(s -> why.add("Secteur : " + facetLabels.label("sector", s)));
        doc.sectorGroups().stream().filter(query.sectorGroups()::contains).forEach(g -> why.add("Famille : " + facetLabels.label("sectorGroup", g)));
        doc.labels().stream().filter(query.labels()::contains).forEach(l -> why.add("Label : " + facetLabels.label("label", l)));
        if (query.commune() != null) {
            why.add("Intervient à " + reference.commune(query.commune()).map(Commune::displayName).orElse(query.commune()));
        }
        if (doc.local()) {
            why.add("Implanté sur notre territoire");
        }
        List<Highlighter.Segment> highlight = List.of();
        if (queryTerms != null && !queryTerms.isEmpty()) {
            MatchedText matched = firstMatching(doc, queryTerms);
            if (matched != null) {
                highlight = highlighter.highlightMatches(matched.text(), matched.matches(), Highlighter.DEFAULT_MAX_CHARS);
                why.add("Texte : correspond à « " + query.text().strip() + " »");
            }
        }
        if (highlight.isEmpty() && !doc.description().isBlank()) {
            highlight = highlighter.highlight(doc.description(), List.of());
        }
        return new SearchResult.Hit(doc.id(), doc.slug(), doc.name(), doc.tradeName(), doc.kind(), doc.family(), doc.size(),
            doc.communeDisplayName(), doc.sectors(), doc.labels(), highlight, why);
    }

    private record MatchedText(String text, List<FrenchAnalyzer.Token> matches) { }

    /** The first of name, offers and description holding a word the query finds, with those words (each text analysed once). */
    private MatchedText firstMatching(SupplierHitSource doc, FullTextQuery.Highlighted queryTerms) {
        for (String text : List.of(doc.name() + (doc.tradeName() == null ? "" : " — " + doc.tradeName()),
            String.join(" · ", doc.offers()), doc.description())) {
            List<FrenchAnalyzer.Token> matches = hitTexts.words(text).stream().filter(word -> queryTerms.matches(word.stem(), word.exact()))
                .map(word -> new FrenchAnalyzer.Token(word.stem(), word.startOffset(), word.endOffset())).toList();
            if (!matches.isEmpty()) {
                return new MatchedText(text, matches);
            }
        }
        return null;
    }
}
