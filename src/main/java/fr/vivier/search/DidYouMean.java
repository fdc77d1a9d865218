package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * « Vouliez-vous dire … ? » for a search that found nothing: each word of the text that no supplier uses is replaced
 * by the closest word suppliers use (Elasticsearch's term suggester on {@code spellingWords}, up to two edits, the
 * first letter included since the fuzzy layer keeps it), and the correction is proposed only if it finds someone.
 */
@Singleton
public class DidYouMean {
    private static final Logger LOG = LoggerFactory.getLogger(DidYouMean.class);
    private static final long TIMEOUT_MILLIS = 1000;

    private final ElasticsearchAsyncClient client;
    private final SearchConfiguration configuration;
    private final FrenchAnalyzer analyzer;
    private final SupplierSearch search;
    private final KnownWords knownWords;
    private final ExecutorService executor;

    DidYouMean(ElasticsearchAsyncClient client, SearchConfiguration configuration, FrenchAnalyzer analyzer, SupplierSearch search,
               KnownWords knownWords, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.client = client;
        this.knownWords = knownWords;
        this.executor = executor;
        this.configuration = configuration;
        this.analyzer = analyzer;
        this.search = search;
    }

    /**
     * The result, with « vouliez-vous dire » when it found nothing and a correction finds suppliers; {@code path} is
     * where the correction's link goes (the page or the API). When every word is used by some supplier, the filters
     * found nothing, not the spelling: no correction is looked for (it cost two more searches).
     */
    public CompletableFuture<SearchResult> offeredWith(SearchQuery query, SearchResult result, String path) {
        if (result.total() > 0 || result.degraded() || !query.hasText()
            || knownWords.unknown(analyzer.words(query.text())).isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        return correctionAsync(query).thenApply(corrected -> corrected.map(c ->
            result.withDidYouMean(new SearchResult.Correction(c.text(), path + "?" + SearchQueries.toQueryString(c)))).orElse(result));
    }

    /** The same search with its text corrected, when the correction finds suppliers. */
    public Optional<SearchQuery> correction(SearchQuery query) {
        return correctionAsync(query).join();
    }

    /**
     * The same, without a thread waiting for Elasticsearch (the suggestion, then the corrected search). Never fails:
     * without an answer within {@value #TIMEOUT_MILLIS} ms there is no correction.
     */
    public CompletableFuture<Optional<SearchQuery>> correctionAsync(SearchQuery query) {
        if (!query.hasText()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return correctedTextAsync(query.text()).thenCompose(text -> {
            if (text.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<SearchQuery>empty());
            }
            SearchQuery corrected = new SearchQuery(text.get(), query.sectorGroups(), query.sectors(), query.labels(),
                query.kinds(), query.sizes(), query.commune(), query.localOnly(), query.verifiedLabelsOnly(), query.sort(), 1,
                query.pageSize());
            return search.searchAsync(corrected).thenApply(result -> result.total() > 0 ? Optional.of(corrected) : Optional.<SearchQuery>empty());
        });
    }

    /** The text with its unknown words replaced by the closest known ones; empty when no word changes. */
    Optional<String> correctedText(String text) {
        return correctedTextAsync(text).join();
    }

    private CompletableFuture<Optional<String>> correctedTextAsync(String text) {
        List<FrenchAnalyzer.Word> words = analyzer.words(text);
        if (words.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<SearchResponse<Void>> response;
        try {
            response = client.search(s -> s.index(configuration.alias("suppliers")).size(0)
                .suggest(sg -> sg.text(words.stream().map(FrenchAnalyzer.Word::lower).collect(Collectors.joining(" ")))
                    .suggesters("spelling", f -> f.term(t -> t.field("spellingWords").suggestMode(SuggestMode.Missing)
                        .prefixLength(0).minWordLength(3).maxEdits(2).size(1)))), Void.class);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.orTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
            // on the blocking executor: the corrected search that follows may look words up (KnownWords), which must
            // not hold one of the client's few I/O threads
            .thenApplyAsync(answer -> corrected(text, words, answer.suggest().getOrDefault("spelling", List.of())), executor)
            .exceptionally(e -> {
                LOG.warn("spelling suggestion unavailable: {}", e.getMessage());
                return Optional.empty();
            });
    }

    private static Optional<String> corrected(String text, List<FrenchAnalyzer.Word> words, List<Suggestion<Void>> entries) {
        if (entries.size() != words.size()) {
            return Optional.empty();
        }
        StringBuilder corrected = new StringBuilder(text);
        boolean changed = false;
        for (int i = words.size() - 1; i >= 0; i--) {
            List<TermSuggestOption> options = entries.get(i).term().options();
            if (!options.isEmpty()) {
                FrenchAnalyzer.Word word = words.get(i);
                corrected.replace(word.startOffset(), word.endOffset(), options.get(0).text());
                changed = true;
            }
        }
        return changed ? Optional.of(corrected.toString()) : Optional.empty();
    }
}
