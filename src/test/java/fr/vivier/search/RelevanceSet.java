package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vivier.demo.DemoStructures;
import fr.vivier.demo.DemoSupplierLoader;
import fr.vivier.directory.AreaType;
import fr.vivier.directory.CompanySize;
import fr.vivier.directory.IndexableSupplier;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierInput;
import fr.vivier.reference.ReferenceData;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The relevance test set (src/test/resources/search/relevance.json): searches a buyer types, each with the demo
 * structures that must come in the first ten results. The published demo structures are indexed into an index of
 * their own, so that the scores never depend on what other tests indexed. Used by {@code RelevanceTest} and by
 * {@code ./vivier bench search}.
 */
public final class RelevanceSet {
    public static final int TOP = 10;

    /** One search and its judgement: {@code relevant} must come in the first ten, {@code first} before any other. */
    public record Judgement(String query, String kind, String note, List<String> relevant, List<String> first) { }

    /** The names a search returned in its first ten, and its recall and precision at ten (null without any result). */
    public record Outcome(Judgement judgement, List<String> ranked, double recall, Double precision) {
        public List<String> missed() {
            return judgement.relevant().stream().filter(name -> !ranked.contains(name)).toList();
        }
    }

    /** Means over the set; precision over the searches that found something. */
    public record Summary(double recall, double precision, int withoutResult, int searches, Map<String, Double> recallByKind) { }

    private RelevanceSet() {
    }

    public static List<Judgement> load() {
        try (InputStream in = RelevanceSet.class.getResourceAsStream("/search/relevance.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Judgement> judgements = new ArrayList<>();
            for (JsonNode query : root.get("queries")) {
                judgements.add(new Judgement(query.get("query").asText(), query.get("kind").asText(), query.get("note").asText(),
                    names(query.get("relevant")), names(query.get("first"))));
            }
            return judgements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    /** Indexes the published demo structures, built as the indexer builds documents, into a fresh index PREFIX + suppliers. */
    public static void indexDemo(ApplicationContext context, String indexPrefix) throws IOException {
        ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
        String index = indexPrefix + "suppliers";
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        client.indices().create(c -> c.index(index).withJson(new StringReader(SearchIndexes.mappingText("suppliers"))));
        SupplierDocuments documents = context.getBean(SupplierDocuments.class);
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
        long id = 0;
        for (SupplierInput input : DemoStructures.published(context.getBean(DemoSupplierLoader.class))) {
            SupplierDocument document = documents.build(indexable(++id, input));
            bulk.operations(o -> o.index(i -> i.index(index).id(Long.toString(document.id())).document(document)));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            throw new IllegalStateException("indexation du jeu de démonstration refusée : " + response.items().get(0).error());
        }
    }

    /** The portal's search with its configured recall layers, pointed at the index of {@link #indexDemo}. */
    public static SupplierSearch search(ApplicationContext context, String indexPrefix) {
        return search(context, indexPrefix, context.getBean(RecallLayers.class));
    }

    /** The portal's search with these recall layers, on the index PREFIX + suppliers. */
    public static SupplierSearch search(ApplicationContext context, String indexPrefix, RecallLayers layers) {
        SearchConfiguration configuration = configuration(indexPrefix);
        return searchWith(context, configuration, new FullTextQuery(context.getBean(FrenchAnalyzer.class),
            context.getBean(SearchSynonyms.class), context.getBean(SearchBoosts.class), knownWords(context, configuration), layers));
    }

    /**
     * The search as it was before the recall layers (issue 10), for before/after figures: every word required, stems
     * only, one cross-field match, the boosts multiplying the whole score.
     */
    public static SupplierSearch searchBeforeRecallLayers(ApplicationContext context, String indexPrefix) {
        SearchConfiguration configuration = configuration(indexPrefix);
        SearchBoosts boosts = context.getBean(SearchBoosts.class);
        FrenchAnalyzer analyzer = context.getBean(FrenchAnalyzer.class);
        FullTextQuery allWordsRequired = new FullTextQuery(analyzer, context.getBean(SearchSynonyms.class), boosts,
            knownWords(context, configuration), RecallLayers.of(false, false, false)) {
            @Override
            Query build(String text) {
                String analysed = analyzer.queryForm(text);
                Query match = Query.of(q -> q.multiMatch(m -> m.query(analysed.isBlank() ? text : analysed)
                    .fields("nameTokens^4", "sectorTokens^2", "offerTokens^2", "descriptionTokens")
                    .type(TextQueryType.CrossFields).operator(Operator.And)));
                return Query.of(q -> q.functionScore(fs -> fs.query(match)
                    .functions(f -> f.filter(fq -> fq.terms(t -> t.field("family").terms(v -> v.value(List.of(
                        FieldValue.of("SIAE"), FieldValue.of("STPA"), FieldValue.of("ESS")))))).weight(boosts.getSocialEconomy()))
                    .functions(f -> f.filter(fq -> fq.term(t -> t.field("local").value(true))).weight(boosts.getLocal()))
                    .scoreMode(FunctionScoreMode.Multiply).boostMode(FunctionBoostMode.Multiply)));
            }
        };
        return searchWith(context, configuration, allWordsRequired);
    }

    /** Which words suppliers of the index PREFIX + suppliers use. */
    public static KnownWords knownWords(ApplicationContext context, String indexPrefix) {
        return knownWords(context, configuration(indexPrefix));
    }

    private static KnownWords knownWords(ApplicationContext context, SearchConfiguration configuration) {
        return new KnownWords(context.getBean(ElasticsearchAsyncClient.class), configuration);
    }

    private static SupplierSearch searchWith(ApplicationContext context, SearchConfiguration configuration, FullTextQuery fullText) {
        return new SupplierSearch(context.getBean(ElasticsearchAsyncClient.class), configuration, context.getBean(HitTexts.class),
            context.getBean(Highlighter.class), context.getBean(ReferenceData.class), context.getBean(SupplierDocuments.class),
            context.getBean(FacetLabels.class), fullText, context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING)));
    }

    private static SearchConfiguration configuration(String indexPrefix) {
        SearchConfiguration configuration = new SearchConfiguration();
        configuration.setIndexPrefix(indexPrefix);
        return configuration;
    }

    /** The « vouliez-vous dire » of the index PREFIX + suppliers. */
    public static DidYouMean didYouMean(ApplicationContext context, String indexPrefix) {
        SearchConfiguration configuration = configuration(indexPrefix);
        return new DidYouMean(context.getBean(ElasticsearchAsyncClient.class), configuration,
            context.getBean(FrenchAnalyzer.class), search(context, indexPrefix), knownWords(context, configuration),
            context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING)));
    }

    public static List<Outcome> run(SupplierSearch search, List<Judgement> judgements) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Judgement judgement : judgements) {
            SearchResult result = search.search(new SearchQuery(judgement.query(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, false, false, SearchQuery.Sort.RELEVANCE, 1, TOP));
            if (result.degraded()) {
                throw new IllegalStateException("recherche indisponible : " + judgement.query());
            }
            outcomes.add(outcome(judgement, result.hits().stream().map(SearchResult.Hit::name).toList()));
        }
        return outcomes;
    }

    static Outcome outcome(Judgement judgement, List<String> ranked) {
        Set<String> relevant = Set.copyOf(judgement.relevant());
        long found = ranked.stream().filter(relevant::contains).count();
        double recall = (double) found / Math.min(TOP, relevant.size());
        Double precision = ranked.isEmpty() ? null : (double) found / ranked.size();
        return new Outcome(judgement, ranked, recall, precision);
    }

    public static Summary summary(List<Outcome> outcomes) {
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        outcomes.forEach(o -> byKind.computeIfAbsent(o.judgement().kind(), k -> new ArrayList<>()).add(o.recall()));
        Map<String, Double> recallByKind = new LinkedHashMap<>();
        byKind.forEach((kind, recalls) -> recallByKind.put(kind, mean(recalls)));
        List<Double> precisions = outcomes.stream().map(Outcome::precision).filter(p -> p != null).toList();
        return new Summary(mean(outcomes.stream().map(Outcome::recall).toList()), mean(precisions),
            (int) outcomes.stream().filter(o -> o.precision() == null).count(), outcomes.size(), recallByKind);
    }

    /** One line per search: recall, precision, and the relevant structures it missed. */
    public static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder();
        for (Outcome o : outcomes) {
            table.append(String.format(Locale.ROOT, "%-55s %-8s R@10 %.2f  P@10 %s  missed %s%n", "« " + o.judgement().query() + " »",
                o.judgement().kind(), o.recall(), o.precision() == null ? "  —" : String.format(Locale.ROOT, "%.2f", o.precision()),
                o.missed().size() > 3 ? o.missed().size() + " structures" : o.missed()));
            if (System.getenv("RELEVANCE_VERBOSE") != null) {
                o.ranked().forEach(name -> table.append(o.judgement().relevant().contains(name) ? "      + " : "      - ").append(name).append('\n'));
            }
        }
        return table.toString();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static IndexableSupplier indexable(long id, SupplierInput input) {
        StructureKind kind = StructureKind.valueOf(input.kind());
        List<SupplierChildren.LabelRow> labels = input.labels().stream().map(label -> new SupplierChildren.LabelRow(id, label.code(),
            label.proof(), label.expiresOn() == null ? null : LocalDate.parse(label.expiresOn()), false, null, null)).toList();
        List<SupplierChildren.Area> areas = input.interventionArea().stream()
            .map(area -> new SupplierChildren.Area(id, AreaType.valueOf(area.type()), area.code())).toList();
        return new IndexableSupplier(id, "demo-" + id, input.name(), input.tradeName(), kind, kind.impliesEss(),
            CompanySize.valueOf(input.size()), input.communeCode(), input.description(), Instant.parse("2026-01-01T00:00:00Z"),
            input.sectors(), labels, areas, input.offers());
    }
}
