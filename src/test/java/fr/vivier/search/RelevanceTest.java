package fr.vivier.search;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance test set on the demo directory (its own index): what buyers type must find what they look for.
 * The thresholds are the measured figures rounded down, so that a change that loses recall fails here. With
 * RELEVANCE_VERBOSE=1 in the environment, the report lists each search's first ten results (+ expected, - not).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceTest implements IntegrationTest {
    @Inject
    ApplicationContext context;

    private String indexPrefix;
    private SupplierSearch search;

    @BeforeAll
    void indexDemoDirectory() throws IOException {
        indexPrefix = context.getBean(SearchConfiguration.class).getIndexPrefix() + "relevance-";
        RelevanceSet.indexDemo(context, indexPrefix);
        search = RelevanceSet.search(context, indexPrefix);
    }

    @Test
    void recallAtTenOfTheRelevanceSetDoesNotFall() {
        List<RelevanceSet.Outcome> outcomes = RelevanceSet.run(search, RelevanceSet.load());
        RelevanceSet.Summary summary = RelevanceSet.summary(outcomes);
        String report = "\n" + RelevanceSet.table(outcomes) + summary;
        System.out.println(report);
        assertTrue(summary.recall() >= 0.95, report);
    }

    @Test
    void severalWordsNeedNotAllBeThere() {
        assertFalse(names("traiteur bio").isEmpty(), "no structure is a caterer with « bio » in its words, but caterers are");
        assertTrue(names("désherbage sans produits chimiques, taille de haies").size() >= 3, "the example of the < 40 k€ tool");
    }

    @Test
    void suppliersMatchingEveryWordComeFirst() {
        for (RelevanceSet.Judgement judgement : RelevanceSet.load()) {
            if (!judgement.first().isEmpty()) {
                List<String> ranked = names(judgement.query());
                assertEquals(Set.copyOf(judgement.first()), Set.copyOf(ranked.subList(0, judgement.first().size())),
                    "« " + judgement.query() + " »: " + ranked);
            }
        }
    }

    @Test
    void synonymsFindWhatBuyersCallOtherwise() {
        SupplierSearch withoutSynonyms = RelevanceSet.search(context, indexPrefix, RecallLayers.of(true, true, false));
        for (String query : List.of("paysagiste", "ménage", "traducteur")) {
            List<String> found = names(query);
            assertTrue(judgement(query).relevant().containsAll(found.subList(0, 5)), query + ": " + found);
            assertTrue(names(withoutSynonyms, query).isEmpty(), query + " is found through the synonyms only");
        }
        assertEquals(Set.copyOf(judgement("biologique").relevant()), Set.copyOf(names("bio").subList(0, 5)),
            "« bio » finds the organic producers before the words it begins (biodéchets, biodiversité)");
    }

    @Test
    void aWordBeyondTheFuzzyLayerGetsAVouliezVousDire() {
        DidYouMean didYouMean = RelevanceSet.didYouMean(context, indexPrefix);
        SearchQuery typo = new SearchQuery("nenuiserie bois", List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false,
            SearchQuery.Sort.RELEVANCE, 1, 20);
        assertEquals("menuiserie bois", didYouMean.correction(typo).orElseThrow().text());
        assertEquals(Optional.empty(), didYouMean.correctedText("menuiserie bois"), "known words are left alone");
    }

    @Test
    void wordTypedRanksAboveItsStemmedRelatives() {
        List<String> ranked = names("traiteur");
        List<String> caterers = judgement("traiteur").relevant();
        int lastCaterer = ranked.stream().filter(caterers::contains).mapToInt(ranked::indexOf).max().orElseThrow();
        assertTrue(ranked.subList(0, lastCaterer).stream().allMatch(caterers::contains),
            "the pressing (« traitement du linge ») comes after every caterer: " + ranked);
    }

    @Test
    void partialWordsFindSuppliersThroughThePrefixLayer() {
        for (String partial : List.of("menuiseri", "reconditio", "bio")) {
            assertFalse(names(partial).isEmpty(), partial);
        }
        SupplierSearch withoutPrefixes = RelevanceSet.search(context, indexPrefix, RecallLayers.of(false, false, false));
        assertTrue(names(withoutPrefixes, "reconditio").isEmpty(), "only the prefix layer finds « reconditionné » from « reconditio »");
    }

    @Test
    void typosFindSuppliersThroughTheFuzzyLayer() {
        SupplierSearch withoutFuzzy = RelevanceSet.search(context, indexPrefix, RecallLayers.of(true, false, true));
        for (String typo : List.of("menuiserei", "nettoyge", "demenagemnt")) {
            assertFalse(names(typo).isEmpty(), typo);
            assertTrue(names(withoutFuzzy, typo).isEmpty(), typo + " is found by the fuzzy layer only");
        }
        assertTrue(judgement("menuiserie").relevant().containsAll(names("menuiserei").subList(0, 10)));
    }

    @Test
    void onlyWordsNoSupplierUsesAreLookedUpWithTypos() {
        KnownWords knownWords = RelevanceSet.knownWords(context, indexPrefix);
        FrenchAnalyzer analyzer = context.getBean(FrenchAnalyzer.class);
        assertEquals(Set.of("menuiserei"), knownWords.unknown(analyzer.words("menuiserei traiteurs menuiseri")),
            "« traiteurs » is used as typed, « menuiseri » begins « menuiserie »");
        assertEquals(Set.of("menuiserei"), knownWords.unknown(analyzer.words("traiteur menuiserei")), "the same answers, kept");
    }

    private List<String> names(String text) {
        return names(search, text);
    }

    private static List<String> names(SupplierSearch search, String text) {
        return search.search(new SearchQuery(text, List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false,
            SearchQuery.Sort.RELEVANCE, 1, 20)).hits().stream().map(SearchResult.Hit::name).toList();
    }

    private static RelevanceSet.Judgement judgement(String query) {
        return RelevanceSet.load().stream().filter(j -> j.query().equals(query)).findFirst().orElseThrow();
    }
}
