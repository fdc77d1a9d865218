package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which words of a query some supplier uses (exact form, stem or beginning of word). The fuzzy layer is only worth
 * its cost for the others: a word found as typed needs no typo correction, and correcting it anyway would pull in
 * its neighbours (« vert » → « vers »). One multi-search per query with words not seen for {@link #FRESHNESS}, each
 * stopping at the first supplier found; answers are kept in memory, at most {@link #MAX_ENTRIES} of them.
 */
@Singleton
public class KnownWords {
    private static final Logger LOG = LoggerFactory.getLogger(KnownWords.class);
    static final Duration FRESHNESS = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 20_000;
    private static final long TIMEOUT_MILLIS = 1000;

    private record Answer(boolean known, long until) { }

    private final ElasticsearchAsyncClient client;
    private final SearchConfiguration configuration;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    KnownWords(ElasticsearchAsyncClient client, SearchConfiguration configuration) {
        this.client = client;
        this.configuration = configuration;
    }

    /** The exact forms of the words no supplier uses; all of them when Elasticsearch does not answer. */
    public Set<String> unknown(List<FrenchAnalyzer.Word> words) {
        long now = System.nanoTime();
        Set<String> unknown = new HashSet<>();
        List<FrenchAnalyzer.Word> toAsk = new ArrayList<>();
        for (FrenchAnalyzer.Word word : words) {
            Answer answer = answers.get(word.exact());
            if (answer == null || answer.until() - now < 0) {
                toAsk.add(word);
            } else if (!answer.known()) {
                unknown.add(word.exact());
            }
        }
        if (!toAsk.isEmpty()) {
            unknown.addAll(ask(toAsk, now));
        }
        return unknown;
    }

    private Set<String> ask(List<FrenchAnalyzer.Word> words, long now) {
        Set<String> unknown = new HashSet<>();
        List<RequestItem> searches = words.stream().map(word -> RequestItem.of(r -> r.header(h -> h)
            .body(b -> b.size(0).terminateAfter(1L).trackTotalHits(t -> t.count(1)).query(usedAsTyped(word))))).toList();
        try {
            MsearchResponse<Void> response = client.msearch(m -> m.index(configuration.alias("suppliers")).searches(searches), Void.class)
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (answers.size() > MAX_ENTRIES) {
                answers.clear();
            }
            long until = now + FRESHNESS.toNanos();
            for (int i = 0; i < words.size(); i++) {
                MultiSearchResponseItem<Void> item = response.responses().get(i);
                boolean known = item.isResult() && item.result().hits().total() != null && item.result().hits().total().value() > 0;
                answers.put(words.get(i).exact(), new Answer(known, until));
                if (!known) {
                    unknown.add(words.get(i).exact());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            words.forEach(word -> unknown.add(word.exact()));
        } catch (Exception e) {
            LOG.debug("known words unavailable: {}", e.getMessage());
            words.forEach(word -> unknown.add(word.exact()));
        }
        return unknown;
    }

    private static Query usedAsTyped(FrenchAnalyzer.Word word) {
        List<Query> forms = new ArrayList<>();
        for (String field : List.of("name", "sector", "offer", "description")) {
            forms.add(Query.of(q -> q.term(t -> t.field(field + "Tokens").value(word.stem()))));
            forms.add(word.exact().length() >= FullTextQuery.MIN_PREFIX ? FullTextQuery.prefix(field + "Words", word.exact())
                : Query.of(q -> q.term(t -> t.field(field + "Words").value(word.exact()))));
        }
        return Query.of(q -> q.bool(b -> b.should(forms)));
    }
}
