package fr.vivier.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text part of a supplier search. Each word of the query finds suppliers in layers, best first:
 * <ol>
 *   <li>its exact form, weighted {@value #EXACT}×, so that « traiteur » ranks caterers above the « traitement du
 *   linge » its stem also finds;</li>
 *   <li>its light stem (both BM25-scored);</li>
 *   <li>the words it begins (« menuiseri », from {@value #MIN_PREFIX} letters), a constant {@value #PREFIX} per unit of
 *   field weight;</li>
 *   <li>when no supplier uses it as typed ({@link KnownWords}), the words one letter away (« menuiserei »,
 *   Elasticsearch's fuzzy query on the exact forms, first letter kept), a constant {@value #FUZZY} per unit of field
 *   weight;</li>
 *   <li>a word or phrase of the curated {@link SearchSynonyms} also finds its equivalents, exact or stemmed, at
 *   {@value #SYNONYM} of their weight.</li>
 * </ol>
 * Prefixes, typos and synonyms are switched by {@link RecallLayers}. Fields weigh as the name ×4, sectors and offers
 * ×2, description ×1. Several words are not all required: a supplier must match {@link #required(int)} of them, and
 * those matching more come first ({@value #WORD_MATCHED} more per word found, on top of its layer's score).
 */
@Singleton
class FullTextQuery {
    static final float EXACT = 3;
    static final float PREFIX = 0.5f;
    /** Beginnings of one or two letters would match nearly everything. */
    static final int MIN_PREFIX = 3;
    static final float FUZZY = 0.25f;
    static final float SYNONYM = 0.8f;
    /** Typos rarely hit the first letter, and keeping it makes the fuzzy lookup far cheaper. */
    private static final int FUZZY_PREFIX_LENGTH = 1;
    private static final int FUZZY_EXPANSIONS = 10;
    /** One edit, from five letters on (« bio » is not « bis »): two edits cost twice as much for few more typos. */
    private static final String FUZZINESS = "AUTO:5,100";
    /**
     * What each word found adds, whatever its layer and unboosted: more than one word's score usually is, so that
     * suppliers matching more of the words come first, then the layers and boosts order those matching as many.
     */
    static final float WORD_MATCHED = 100;
    private static final Map<String, Float> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", 4f);
        FIELDS.put("sector", 2f);
        FIELDS.put("offer", 2f);
        FIELDS.put("description", 1f);
    }

    private final FrenchAnalyzer analyzer;
    private final SearchSynonyms synonyms;
    private final SearchBoosts boosts;
    private final KnownWords knownWords;
    private final RecallLayers layers;

    FullTextQuery(FrenchAnalyzer analyzer, SearchSynonyms synonyms, SearchBoosts boosts, KnownWords knownWords, RecallLayers layers) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
        this.boosts = boosts;
        this.knownWords = knownWords;
        this.layers = layers;
    }

    Query build(String text) {
        Map<String, FrenchAnalyzer.Word> distinct = new LinkedHashMap<>();
        analyzer.words(text).forEach(word -> distinct.putIfAbsent(word.exact(), word));
        if (distinct.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<FrenchAnalyzer.Word> words = List.copyOf(distinct.values());
        List<SearchSynonyms.Run> runs = layers.isSynonyms() ? synonyms.runs(words)
            : words.stream().map(word -> new SearchSynonyms.Run(List.of(word), List.of())).toList();
        Set<String> misspelt = layers.isFuzzy() ? knownWords.unknown(words) : Set.of();
        List<Query> perRun = runs.stream().map(run -> run(run, misspelt)).toList();
        return Query.of(q -> q.bool(b -> b.should(perRun).minimumShouldMatch(Integer.toString(required(perRun.size())))));
    }

    /**
     * What a hit's words are highlighted for: the stems of the words typed and of their synonyms, and the beginnings
     * typed, as the layers switched on find them (typos are not highlighted).
     */
    record Highlighted(Set<String> stems, Set<String> beginnings) {
        boolean matches(FrenchAnalyzer.Word word) {
            return matches(word.stem(), word.exact());
        }

        boolean matches(String stem, String exact) {
            if (stems.contains(stem)) {
                return true;
            }
            for (String beginning : beginnings) {
                if (exact.startsWith(beginning)) {
                    return true;
                }
            }
            return false;
        }

        boolean isEmpty() {
            return stems.isEmpty() && beginnings.isEmpty();
        }
    }

    Highlighted highlighted(String text) {
        List<FrenchAnalyzer.Word> words = analyzer.words(text);
        Set<String> stems = new HashSet<>();
        Set<String> beginnings = new HashSet<>();
        for (FrenchAnalyzer.Word word : words) {
            stems.add(word.stem());
            if (layers.isPrefix() && word.exact().length() >= MIN_PREFIX) {
                beginnings.add(word.exact());
            }
        }
        if (layers.isSynonyms()) {
            synonyms.runs(words).forEach(run -> run.equivalents().forEach(equivalent -> equivalent.forEach(word -> stems.add(word.stem()))));
        }
        return new Highlighted(stems, beginnings);
    }

    /** One word of two is enough (and one of one): ranking, not exclusion, rewards suppliers matching more of them. */
    static int required(int words) {
        return Math.max(1, words / 2);
    }

    /**
     * A word, or a phrase of the synonym list: all its words in every layer, or one of its equivalents (its words
     * exact or stemmed, weighted {@value #SYNONYM}), times the social-economy and local boosts, plus
     * {@value #WORD_MATCHED} for being found at all (not boosted, so that the boosts reorder suppliers matching as
     * many words, never one matching fewer above one matching more).
     */
    private Query run(SearchSynonyms.Run run, Set<String> misspelt) {
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(allOf(run.words().stream().map(word -> layered(word, 1, true, misspelt.contains(word.exact()))).toList()));
        for (List<FrenchAnalyzer.Word> equivalent : run.equivalents()) {
            alternatives.add(allOf(equivalent.stream().map(word -> layered(word, SYNONYM, false, false)).toList()));
        }
        Query best = alternatives.size() == 1 ? alternatives.get(0) : Query.of(q -> q.disMax(d -> d.queries(alternatives)));
        return Query.of(q -> q.bool(b -> b.must(boosted(best)).should(all -> all.matchAll(m -> m.boost(WORD_MATCHED)))));
    }

    private Query boosted(Query query) {
        return Query.of(q -> q.functionScore(fs -> fs.query(query)
            .functions(f -> f.filter(fq -> fq.terms(t -> t.field("family")
                .terms(v -> v.value(List.of(FieldValue.of("SIAE"), FieldValue.of("STPA"), FieldValue.of("ESS"))))))
                .weight(boosts.getSocialEconomy()))
            .functions(f -> f.filter(fq -> fq.term(t -> t.field("local").value(true))).weight(boosts.getLocal()))
            .scoreMode(FunctionScoreMode.Multiply)
            .boostMode(FunctionBoostMode.Multiply)));
    }

    private static Query allOf(List<Query> queries) {
        return queries.size() == 1 ? queries.get(0) : Query.of(q -> q.bool(b -> b.must(queries)));
    }

    /** The layers of one word; the prefix one only for words typed, the fuzzy one only for words no supplier uses. */
    private Query layered(FrenchAnalyzer.Word word, float weight, boolean typed, boolean misspelt) {
        List<Query> layers = new ArrayList<>();
        FIELDS.forEach((field, fieldWeight) -> {
            layers.add(term(field + "Words", word.exact(), weight * fieldWeight * EXACT));
            layers.add(term(field + "Tokens", word.stem(), weight * fieldWeight));
        });
        if (typed && this.layers.isPrefix() && word.exact().length() >= MIN_PREFIX) {
            FIELDS.forEach((field, fieldWeight) -> layers.add(constant(prefix(field + "Words", word.exact()), fieldWeight * PREFIX)));
        }
        if (misspelt) {
            FIELDS.forEach((field, fieldWeight) -> layers.add(constant(fuzzy(field + "Words", word.exact()), fieldWeight * FUZZY)));
        }
        return Query.of(q -> q.disMax(d -> d.queries(layers).tieBreaker(0.3)));
    }

    /** A term query on the beginnings of words Elasticsearch indexes for the field (index_prefixes, 3 to 15 letters). */
    static Query prefix(String field, String value) {
        return Query.of(q -> q.prefix(p -> p.field(field).value(value)));
    }

    private static Query fuzzy(String field, String value) {
        return Query.of(q -> q.fuzzy(f -> f.field(field).value(value).fuzziness(FUZZINESS).prefixLength(FUZZY_PREFIX_LENGTH)
            .maxExpansions(FUZZY_EXPANSIONS).transpositions(true)));
    }

    private static Query constant(Query query, float score) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(score)));
    }

    private static Query term(String field, String value, float boost) {
        return Query.of(q -> q.term(t -> t.field(field).value(value).boost(boost)));
    }
}
