package fr.vivier.search;

import fr.vivier.search.FrenchAnalyzer.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrenchAnalyzerTest {
    private final FrenchAnalyzer analyzer = new FrenchAnalyzer();

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "ecologie           | écologie",
        "espace vert        | espaces verts",
        "insertion          | l'insertion",
        "insertion          | l’insertion",
        "insertion          | Lʼinsertion",
        "oeuvre             | œuvre",
        "oeuvre             | Œuvre",
        "Aix en Provence    | Aix-en-Provence",
        "menuiseries        | menuiserie",
        "réemploi           | reemploi",
        "jusqu'au bout      | jusqu’au bout",
        "ecologie           | e\u0301cologie",
        "sensibilisation a l ecologie | Sensibilisation à l'écologie",
    })
    void queryAndTextHaveTheSameAnalysedForm(String query, String text) {
        assertEquals(analyzer.indexForm(text), analyzer.queryForm(query));
        assertFalse(analyzer.queryForm(query).isEmpty());
    }

    @Test
    void indexFormIsTheStemmedTermsWithoutStopWords() {
        assertEquals("sensibil ecolog", analyzer.indexForm("Sensibilisation à l'écologie"));
        assertEquals("aix provenc", analyzer.indexForm("Aix-en-Provence"));
        assertEquals("espac vert vile", analyzer.indexForm("Des espaces verts et la ville"));
    }

    @Test
    void exactFormFoldsPluralsAndEndingsButKeepsWordsApartThatTheStemJoins() {
        assertEquals(exact("traiteur"), exact("Traiteurs"));
        assertEquals(stem("traiteur"), stem("traitement"));
        assertNotEquals(exact("traiteur"), exact("traitement"));
        assertEquals(exact("espace vert"), exact("espaces verts"));
        assertEquals(exact("haie"), exact("haies"));
        assertEquals(exact("menuiserie"), exact("menuiseries"));
        assertEquals("bio", exact("bio"));
    }

    @Test
    void formsGiveStemsExactFormsAndLowercaseWordsFromOnePass() {
        assertEquals(new FrenchAnalyzer.Forms("trait reception", "traiteu reception", java.util.Set.of("traiteurs", "réceptions")),
            analyzer.forms("Traiteurs et réceptions"));
    }

    private String exact(String text) {
        return analyzer.words(text).stream().map(FrenchAnalyzer.Word::exact).collect(java.util.stream.Collectors.joining(" "));
    }

    private String stem(String text) {
        return analyzer.indexForm(text);
    }

    @Test
    void stopWordsAreRemovedAccentedOrNot() {
        assertEquals("", analyzer.indexForm("à a de des la le les et en du au aux même meme"));
    }

    @Test
    void accentsThatCarryMeaningAreKeptApartFromStopWords() {
        assertEquals("mai", analyzer.indexForm("maïs"));
        assertEquals("", analyzer.indexForm("mais"));
    }

    @Test
    void offsetsPointAtTheOriginalTextAndAnElidedTokenCoversItsArticle() {
        String text = "Sensibilisation à l’écologie";
        List<Token> tokens = analyzer.tokens(text);
        assertEquals(List.of(new Token("sensibil", 0, 15), new Token("ecolog", 18, 28)), tokens);
        assertEquals("l’écologie", text.substring(18, 28));
    }

    @Test
    void offsetsSurviveTheApostropheCharFilterAndEmoji() {
        String text = "🌱 Lʼécologie";
        Token last = analyzer.tokens(text).get(analyzer.tokens(text).size() - 1);
        assertEquals("ecolog", last.term());
        assertEquals("Lʼécologie", text.substring(last.startOffset(), last.endOffset()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t", "\u0000\u0007", "— … !"})
    void nothingToAnalyseGivesNoToken(String text) {
        assertEquals(List.of(), analyzer.tokens(text));
        assertEquals("", analyzer.indexForm(text));
        assertEquals("", analyzer.queryForm(text));
    }

    @Test
    void markupControlCharactersAndEmojiDoNotBreakTheChain() {
        assertEquals("b ecolog b", analyzer.indexForm("<b>écologie</b>"));
        assertEquals("ecolog vert", analyzer.indexForm("\u0000écologie\u0007\u001b verte"));
        assertTrue(analyzer.indexForm("👩‍🌾 maraîchage bio 🥕").contains("maraichag"));
    }

    @Test
    void veryLongTextIsAnalysedUpToTheCap() {
        String text = "espaces verts ".repeat(5_000) + "menuiserie";
        List<Token> tokens = analyzer.tokens(text);
        assertTrue(tokens.size() > 1_000);
        assertTrue(tokens.get(tokens.size() - 1).endOffset() <= FrenchAnalyzer.MAX_CHARS);
        assertFalse(analyzer.indexForm(text).contains("menuis"));
        // The cap falls inside the emoji's surrogate pair: the pair is left out whole.
        assertEquals(List.of(), analyzer.tokens(" ".repeat(FrenchAnalyzer.MAX_CHARS - 1) + "😀 écologie"));
    }

    @Test
    void oneInstanceServesSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = IntStream.range(0, 200)
                .mapToObj(i -> pool.submit(() -> analyzer.indexForm("Entretien des espaces verts, lot " + i)))
                .toList();
            for (int i = 0; i < results.size(); i++) {
                assertEquals("entretien espac vert lot " + i, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
