package fr.vivier.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text part of a supplier search. Each word of the query finds suppliers in layers, best first: its exact form
 * (weighted {@value #EXACT}× so that « traiteur » ranks traiteurs above the « traitement du linge » its stem also
 * finds), then its light stem (BM25 scores), then, when {@link RecallLayers} has them, the words it begins
 * (« menuiseri »: a constant score, {@value #PREFIX} per unit of field weight, below usual stem scores), then the
 * words one or two letters away from it (« menuiserei », Elasticsearch's fuzzy query with AUTO edits on the exact
 * forms, first letter kept: a constant {@value #FUZZY} per unit of field weight). Several words are not all required: a
 * supplier must match {@link #required(int)} of them, and those matching more come first ({@value #WORD_MATCHED} more
 * per word found, on top of its layer's score).
 * Fields weigh as the name ×4, sectors and offers ×2, description ×1.
 */
@Singleton
class FullTextQuery {
    static final float EXACT = 3;
    static final float PREFIX = 0.5f;
    static final float FUZZY = 0.25f;
    /** Typos rarely hit the first letter, and keeping it makes the fuzzy lookup far cheaper. */
    private static final int FUZZY_PREFIX_LENGTH = 1;
    private static final int FUZZY_EXPANSIONS = 20;
    /**
     * What each word found adds, whatever its layer: about one good match, so that suppliers matching more of the
     * words come first without drowning the layers, which the social-economy and local multipliers would then reorder.
     */
    static final float WORD_MATCHED = 20;
    private static final Map<String, Float> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", 4f);
        FIELDS.put("sector", 2f);
        FIELDS.put("offer", 2f);
        FIELDS.put("description", 1f);
    }

    private final FrenchAnalyzer analyzer;
    private final RecallLayers layers;

    FullTextQuery(FrenchAnalyzer analyzer, RecallLayers layers) {
        this.analyzer = analyzer;
        this.layers = layers;
    }

    Query build(String text) {
        Map<String, FrenchAnalyzer.Word> words = new LinkedHashMap<>();
        analyzer.words(text).forEach(word -> words.putIfAbsent(word.exact(), word));
        if (words.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<Query> perWord = words.values().stream().map(this::word).toList();
        return Query.of(q -> q.bool(b -> b.should(perWord).minimumShouldMatch(Integer.toString(required(perWord.size())))));
    }

    /** One word of two is enough (and one of one): ranking, not exclusion, rewards suppliers matching more of them. */
    static int required(int words) {
        return Math.max(1, words / 2);
    }

    private Query word(FrenchAnalyzer.Word word) {
        List<Query> layers = new ArrayList<>();
        FIELDS.forEach((field, weight) -> {
            layers.add(term(field + "Words", word.exact(), weight * EXACT));
            layers.add(term(field + "Tokens", word.stem(), weight));
        });
        String prefix = FrenchAnalyzer.prefixTerm(word);
        if (this.layers.isPrefix() && !prefix.isEmpty()) {
            layers.add(constant(term("namePrefixes", prefix, 1), 4 * PREFIX));
            layers.add(constant(term("textPrefixes", prefix, 1), 2 * PREFIX));
        }
        if (this.layers.isFuzzy()) {
            FIELDS.forEach((field, weight) -> layers.add(constant(fuzzy(field + "Words", word.exact()), weight * FUZZY)));
        }
        Query best = Query.of(q -> q.disMax(d -> d.queries(layers).tieBreaker(0.3)));
        return Query.of(q -> q.bool(b -> b.must(best).should(all -> all.matchAll(m -> m.boost(WORD_MATCHED)))));
    }

    private static Query fuzzy(String field, String value) {
        return Query.of(q -> q.fuzzy(f -> f.field(field).value(value).fuzziness("AUTO").prefixLength(FUZZY_PREFIX_LENGTH)
            .maxExpansions(FUZZY_EXPANSIONS).transpositions(true)));
    }

    private static Query constant(Query query, float score) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(score)));
    }

    private static Query term(String field, String value, float boost) {
        return Query.of(q -> q.term(t -> t.field(field).value(value).boost(boost)));
    }
}
