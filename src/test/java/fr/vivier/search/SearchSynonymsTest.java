package fr.vivier.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSynonymsTest {
    private final FrenchAnalyzer analyzer = new FrenchAnalyzer();
    private final SearchSynonyms synonyms = new SearchSynonyms(analyzer);

    @Test
    void aPhraseOfTheListIsOneRunWithItsEquivalentsWhateverItsAccentsAndPlurals() {
        List<SearchSynonyms.Run> runs = synonyms.runs(analyzer.words("Espace vert d’insertion"));
        assertEquals(List.of("espac vert", "insertion"), runs.stream().map(SearchSynonymsTest::exact).toList());
        assertEquals(List.of("paysagist", "jardini", "jardinag"), runs.get(0).equivalents().stream().map(SearchSynonymsTest::exactOf).toList());
        assertEquals(List.of(), runs.get(1).equivalents());
        assertEquals(List.of("nettoyag"), synonyms.runs(analyzer.words("MÉNAGES")).get(0).equivalents().stream()
            .map(SearchSynonymsTest::exactOf).toList());
    }

    @Test
    void theLongestPhraseWinsAndWordsOutsideTheListStayAlone() {
        List<SearchSynonyms.Run> runs = synonyms.runs(analyzer.words("restauration collective bio pour cantine"));
        assertEquals(List.of("restauration collectiv", "bio", "cantin"), runs.stream().map(SearchSynonymsTest::exact).toList());
        assertEquals(List.of("biologiqu"), runs.get(1).equivalents().stream().map(SearchSynonymsTest::exactOf).toList());
    }

    @Test
    void everyLineOfTheListIsAGroupOfAtLeastTwoAndNoPhraseIsInTwoGroups() throws Exception {
        List<String> lines = new String(SearchSynonyms.class.getResourceAsStream(SearchSynonyms.FILE).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines) {
            String[] phrases = line.split(",");
            assertTrue(phrases.length >= 2, line);
            for (String phrase : phrases) {
                String exact = exactOf(analyzer.words(phrase));
                assertTrue(!exact.isEmpty() && seen.add(exact), "« " + phrase.strip() + " » (" + line + ")");
                assertEquals(phrases.length - 1, synonyms.runs(analyzer.words(phrase)).get(0).equivalents().size(), phrase);
            }
        }
    }

    private static String exact(SearchSynonyms.Run run) {
        return exactOf(run.words());
    }

    private static String exactOf(List<FrenchAnalyzer.Word> words) {
        return String.join(" ", words.stream().map(FrenchAnalyzer.Word::exact).toList());
    }
}
