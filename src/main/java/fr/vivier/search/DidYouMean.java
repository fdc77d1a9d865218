package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
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

    DidYouMean(ElasticsearchAsyncClient client, SearchConfiguration configuration, FrenchAnalyzer analyzer, SupplierSearch search) {
        this.client = client;
        this.configuration = configuration;
        this.analyzer = analyzer;
        this.search = search;
    }

    /** The same search with its text corrected, when the correction finds suppliers. */
    public Optional<SearchQuery> correction(SearchQuery query) {
        if (!query.hasText()) {
            return Optional.empty();
        }
        return correctedText(query.text()).map(text -> new SearchQuery(text, query.sectorGroups(), query.sectors(), query.labels(),
                query.kinds(), query.sizes(), query.commune(), query.localOnly(), query.verifiedLabelsOnly(), query.sort(), 1,
                query.pageSize()))
            .filter(corrected -> search.search(corrected).total() > 0);
    }

    /** The text with its unknown words replaced by the closest known ones; empty when no word changes. */
    Optional<String> correctedText(String text) {
        List<FrenchAnalyzer.Word> words = analyzer.words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<Suggestion<Void>> entries;
        try {
            SearchResponse<Void> response = client.search(s -> s.index(configuration.alias("suppliers")).size(0)
                .suggest(sg -> sg.text(words.stream().map(FrenchAnalyzer.Word::lower).collect(Collectors.joining(" ")))
                    .suggesters("spelling", f -> f.term(t -> t.field("spellingWords").suggestMode(SuggestMode.Missing)
                        .prefixLength(0).minWordLength(3).maxEdits(2).size(1)))), Void.class)
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            entries = response.suggest().getOrDefault("spelling", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("spelling suggestion unavailable: {}", e.getMessage());
            return Optional.empty();
        }
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
