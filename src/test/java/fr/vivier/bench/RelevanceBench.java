package fr.vivier.bench;

import fr.vivier.search.RecallLayers;
import fr.vivier.search.RelevanceSet;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SupplierSearch;
import io.micronaut.context.ApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiConsumer;

/**
 * What each recall layer (issue 10) brings and costs, in one run:
 * <ul>
 *   <li>recall and precision at ten of the relevance test set (src/test/resources/search/relevance.json) on the demo
 *   directory indexed apart (PREFIX + relevance-suppliers), for the search before the layers and with the layers
 *   switched on one after the other;</li>
 *   <li>latency and throughput of the same configurations on the benchmark's N generated suppliers, called in process
 *   by BENCH_CLIENTS threads (the portal's own search, HTTP left out, so that differences are the layers'), for the
 *   text searches of the query mix and for the relevance set's searches (partial words, typos, trade names).</li>
 * </ul>
 */
final class RelevanceBench {
    /** A configuration of the text search, from the search before the layers to every layer on (the default). */
    record Configuration(String key, String label, boolean before, RecallLayers layers) { }

    static final List<Configuration> CONFIGURATIONS = List.of(
        new Configuration("before", "avant (tous les mots exigés, radicaux seuls)", true, RecallLayers.of(false, false, false)),
        new Configuration("words", "mots exacts et radicaux, la moitié des mots suffit", false, RecallLayers.of(false, false, false)),
        new Configuration("prefix", "+ débuts de mots", false, RecallLayers.of(true, false, false)),
        new Configuration("fuzzy", "+ fautes de frappe", false, RecallLayers.of(true, true, false)),
        new Configuration("synonyms", "+ synonymes (toutes les couches, réglage par défaut)", false, RecallLayers.of(true, true, true)));
    private static final String[][] KINDS = {{"exact", "mot exact"}, {"several", "plusieurs mots"}, {"partial", "mot partiel"},
        {"typo", "faute de frappe"}, {"synonym", "synonyme"}};
    private static final String[][] MIXES = {{"text", "recherches texte du banc"}, {"buyers", "recherches du jeu de pertinence"}};

    private RelevanceBench() {
    }

    static void measure(ApplicationContext context, String indexPrefix, List<QueryMix.BenchQuery> textMix, LoadRunner runner,
                        int rounds, BiConsumer<String, Object> put) throws Exception {
        String relevancePrefix = indexPrefix + "relevance-";
        RelevanceSet.indexDemo(context, relevancePrefix);
        List<RelevanceSet.Judgement> judgements = RelevanceSet.load();
        for (Configuration configuration : CONFIGURATIONS) {
            RelevanceSet.Summary summary = RelevanceSet.summary(RelevanceSet.run(search(context, relevancePrefix, configuration), judgements));
            String key = "relevance." + configuration.key();
            put.accept(key + ".recall", summary.recall());
            put.accept(key + ".precision", summary.precision());
            put.accept(key + ".empty", summary.withoutResult());
            put.accept(key + ".searches", summary.searches());
            summary.recallByKind().forEach((kind, recall) -> put.accept(key + ".recall." + kind, recall));
            System.out.printf(Locale.ROOT, "  %-9s rappel@10 %.2f  précision@10 %.2f  sans résultat %d/%d  %s%n", configuration.key(),
                summary.recall(), summary.precision(), summary.withoutResult(), summary.searches(), summary.recallByKind());
        }
        List<QueryMix.BenchQuery> buyerMix = judgements.stream().map(j -> new QueryMix.BenchQuery(QueryMix.Kind.TEXT,
            new SearchQuery(j.query(), List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false,
                SearchQuery.Sort.RELEVANCE, 1, SearchQuery.DEFAULT_PAGE_SIZE))).toList();
        interleaved(context, indexPrefix, Map.of("text", textMix, "buyers", buyerMix), rounds, put);
        // Configurations take turns, round after round, so that a burst of load from elsewhere on the machine does not
        // fall on one configuration only; each figure is the median of its rounds.
        Map<String, List<LoadRunner.Result>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Configuration configuration : CONFIGURATIONS) {
                SupplierSearch onBenchIndex = search(context, indexPrefix, configuration);
                for (String[] mix : MIXES) {
                    LoadRunner.Result result = runner.run(configuration.key(), "text".equals(mix[0]) ? textMix : buyerMix,
                        () -> query -> !onBenchIndex.search(query.query()).degraded(), Map.of());
                    results.computeIfAbsent(configuration.key() + "." + mix[0], k -> new ArrayList<>()).add(result);
                    System.out.printf(Locale.ROOT, "  tour %d  %-9s %-7s p50 %6.1f  p95 %6.1f ms  %6.1f req/s  (%d erreurs)%n", round,
                        configuration.key(), mix[0], result.p50(), result.p95(), result.perSecond(), result.errors());
                }
            }
        }
        results.forEach((key, each) -> {
            put.accept("layers." + key + ".p50", median(each.stream().map(LoadRunner.Result::p50).toList()));
            put.accept("layers." + key + ".p95", median(each.stream().map(LoadRunner.Result::p95).toList()));
            put.accept("layers." + key + ".rps", median(each.stream().map(LoadRunner.Result::perSecond).toList()));
            put.accept("layers." + key + ".errors", each.stream().mapToLong(LoadRunner.Result::errors).sum());
        });
        put.accept("layers.rounds", rounds);
    }

    /**
     * One client, each search sent in every configuration in turn (the first one rotating), so that whatever else
     * loads the machine weighs on all configurations alike: the cost of a layer is the difference of medians.
     */
    private static void interleaved(ApplicationContext context, String indexPrefix, Map<String, List<QueryMix.BenchQuery>> mixes,
                                    int passes, BiConsumer<String, Object> put) {
        List<SupplierSearch> searches = CONFIGURATIONS.stream().map(c -> search(context, indexPrefix, c)).toList();
        mixes.forEach((mix, queries) -> {
            List<List<Long>> nanos = new ArrayList<>();
            CONFIGURATIONS.forEach(c -> nanos.add(new ArrayList<>()));
            for (int pass = 0; pass <= passes; pass++) {
                for (int q = 0; q < queries.size(); q++) {
                    for (int turn = 0; turn < searches.size(); turn++) {
                        int c = (q + turn) % searches.size();
                        long start = System.nanoTime();
                        searches.get(c).search(queries.get(q).query());
                        if (pass > 0) {
                            nanos.get(c).add(System.nanoTime() - start);
                        }
                    }
                }
            }
            for (int c = 0; c < CONFIGURATIONS.size(); c++) {
                long[] sorted = nanos.get(c).stream().mapToLong(Long::longValue).sorted().toArray();
                String key = "single." + CONFIGURATIONS.get(c).key() + "." + mix;
                put.accept(key + ".p50", LoadRunner.percentile(sorted, 0.50));
                put.accept(key + ".p95", LoadRunner.percentile(sorted, 0.95));
                System.out.printf(Locale.ROOT, "  un client  %-9s %-7s p50 %6.1f  p95 %6.1f ms%n", CONFIGURATIONS.get(c).key(), mix,
                    LoadRunner.percentile(sorted, 0.50), LoadRunner.percentile(sorted, 0.95));
            }
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static SupplierSearch search(ApplicationContext context, String indexPrefix, Configuration configuration) {
        return configuration.before() ? RelevanceSet.searchBeforeRecallLayers(context, indexPrefix)
            : RelevanceSet.search(context, indexPrefix, configuration.layers());
    }

    /** The RESULTS.md section of one run, when it measured the layers. */
    static void section(StringBuilder md, Properties run) {
        if (run.getProperty("relevance.synonyms.recall") == null) {
            return;
        }
        md.append("\n### Couches de rappel : pertinence et coût\n\n")
            .append("Pertinence : jeu de ").append(run.getProperty("relevance.synonyms.searches"))
            .append(" recherches d'acheteurs (`src/test/resources/search/relevance.json`) sur les structures de démonstration, ")
            .append("indexées à part ; rappel@10 = part des fournisseurs attendus trouvés dans les dix premiers (au plus dix), ")
            .append("précision@10 = part de fournisseurs attendus parmi les (au plus dix) premiers résultats, sur les recherches qui trouvent quelque chose.\n\n")
            .append("| configuration | rappel@10 | précision@10 | sans résultat |");
        for (String[] kind : KINDS) {
            md.append(" rappel, ").append(kind[1]).append(" |");
        }
        md.append("\n|---|---:|---:|---:|").append("---:|".repeat(KINDS.length)).append('\n');
        for (Configuration configuration : CONFIGURATIONS) {
            String key = "relevance." + configuration.key();
            md.append(String.format(Locale.FRENCH, "| %s | %.2f | %.2f | %s / %s |", configuration.label(), value(run, key + ".recall"),
                value(run, key + ".precision"), run.getProperty(key + ".empty"), run.getProperty(key + ".searches")));
            for (String[] kind : KINDS) {
                md.append(String.format(Locale.FRENCH, " %.2f |", value(run, key + ".recall." + kind[0])));
            }
            md.append('\n');
        }
        md.append("\nCoût : la recherche du portail appelée dans le processus (sans HTTP) sur les N fournisseurs générés. « Un client » : ")
            .append("chaque recherche envoyée dans chaque configuration à tour de rôle, une à la fois (la charge du reste de la machine ")
            .append("pèse sur toutes pareil) ; surcoût = écart des médianes avec la ligne précédente. « ").append(run.getProperty("clients", "?"))
            .append(" clients » : débit, les configurations à tour de rôle (").append(run.getProperty("layers.rounds", "?"))
            .append(" tours, médiane des tours).\n\n| configuration |");
        for (String[] mix : MIXES) {
            md.append(" ").append(mix[1]).append(" : un client, p50 / p95 (ms) | surcoût p50 | ").append(run.getProperty("clients", "?"))
                .append(" clients, req/s |");
        }
        md.append("\n|---|").append("---:|---:|---:|".repeat(MIXES.length)).append('\n');
        Configuration previous = null;
        for (Configuration configuration : CONFIGURATIONS) {
            md.append("| ").append(configuration.label()).append(" |");
            for (String[] mix : MIXES) {
                String single = "single." + configuration.key() + "." + mix[0];
                md.append(String.format(Locale.FRENCH, " %.1f / %.1f |", value(run, single + ".p50"), value(run, single + ".p95")));
                md.append(previous == null ? " — |" : String.format(Locale.FRENCH, " %+.1f ms |",
                    value(run, single + ".p50") - value(run, "single." + previous.key() + "." + mix[0] + ".p50")));
                md.append(String.format(Locale.FRENCH, " %.0f |", value(run, "layers." + configuration.key() + "." + mix[0] + ".rps")));
            }
            md.append('\n');
            previous = configuration;
        }
    }

    private static double value(Properties run, String key) {
        String value = run.getProperty(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }
}
