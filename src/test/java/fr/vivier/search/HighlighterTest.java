package fr.vivier.search;

import fr.vivier.search.Highlighter.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HighlighterTest {
    private final FrenchAnalyzer analyzer = new FrenchAnalyzer();
    private final Highlighter highlighter = new Highlighter(analyzer);

    private List<Segment> highlight(String text, String query, int maxChars) {
        return highlighter.highlight(text, analyzer.terms(query), maxChars);
    }

    private static String plain(List<Segment> segments) {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }

    private static List<String> marked(List<Segment> segments) {
        return segments.stream().filter(Segment::highlighted).map(Segment::text).toList();
    }

    @Test
    void marksEveryMatchingWordOfAShortText() {
        List<Segment> segments = highlight("Entretien des espaces verts de la commune", "espace vert", 200);
        assertEquals(List.of(
            new Segment("Entretien des ", false),
            new Segment("espaces", true),
            new Segment(" ", false),
            new Segment("verts", true),
            new Segment(" de la commune", false)), segments);
    }

    @Test
    void cutsALongDescriptionAroundTheFirstMatchBetweenWords() {
        String text = "Notre entreprise familiale, fondée en 1987 à Montreuil, emploie douze salariés en insertion. "
            + "Nous intervenons pour les bailleurs sociaux, les copropriétés et les collectivités du département. "
            + "Nos équipes assurent l'entretien des espaces verts, la taille des haies, l'élagage et la tonte, "
            + "avec une gestion différenciée sans produits phytosanitaires depuis 2015. Nous valorisons les déchets "
            + "verts en compost sur notre plateforme et proposons aussi des chantiers de sensibilisation à l'écologie "
            + "pour les écoles, les centres de loisirs et les associations de quartier.";
        List<Segment> segments = highlight(text, "espace vert", 120);

        assertEquals(List.of("espaces", "verts"), marked(segments).subList(0, 2));
        String excerpt = plain(segments);
        assertTrue(excerpt.startsWith("…") && excerpt.endsWith("…"), excerpt);
        String inner = excerpt.substring(1, excerpt.length() - 1);
        assertTrue(inner.length() <= 120, excerpt);
        assertTrue(text.contains(inner), "cut between whole words: " + excerpt);
        assertTrue(Character.isWhitespace(text.charAt(text.indexOf(inner) - 1)), excerpt);
        assertTrue(Character.isWhitespace(text.charAt(text.indexOf(inner) + inner.length())), excerpt);
    }

    @Test
    void marksTheSurfaceFormsOfFoldedAndElidedMatches() {
        List<Segment> segments = highlight("Chantiers d’insertion et mise en œuvre de l'écologie", "oeuvre ecologie insertion", 200);
        assertEquals(List.of("d’insertion", "œuvre", "l'écologie"), marked(segments));
    }

    @Test
    void withoutAMatchGivesTheBeginningOfTheText() {
        List<Segment> segments = highlight("Menuiserie bois et aluminium, pose de fenêtres et de portes", "plomberie", 30);
        assertEquals(List.of(new Segment("Menuiserie bois et aluminium,…", false)), segments);
    }

    @Test
    void blankTextGivesNoSegmentAndMissingTermsNoHighlight() {
        assertEquals(List.of(), highlighter.highlight(null, List.of("vert"), 200));
        assertEquals(List.of(), highlighter.highlight("  \n", List.of("vert"), 200));
        assertEquals(List.of(new Segment("Espaces verts", false)), highlighter.highlight("  Espaces verts\n", null, 200));
        assertThrows(IllegalArgumentException.class, () -> highlighter.highlight("vert", List.of("vert"), 0));
    }

    @Test
    void aWordLongerThanTheExcerptIsCutWithoutSplittingASurrogatePair() {
        String text = "😀".repeat(50);
        String excerpt = plain(highlighter.highlight(text, List.of(), 11));
        assertEquals("😀".repeat(5) + "…", excerpt);
    }

    @Test
    void controlCharactersAndLineBreaksBecomeSingleSpaces() {
        List<Segment> segments = highlight("Espaces\u0000verts\n\n\tet jardins", "jardin", 200);
        assertEquals(List.of(new Segment("Espaces verts et ", false), new Segment("jardins", true)), segments);
    }

    /** Seeded cases: a short text without a match comes out whole, with what two regular expressions would leave of its spaces. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void controlCharactersAndRunsOfSpacesBecomeOneSpaceAsTheRegularExpressionsSaid(long seed) {
        Random random = new Random(seed);
        String alphabet = "ab é\u00a0\t\n\r\u000b\f\u0000\u001f\u007f\u0085\u2003  ";
        StringBuilder text = new StringBuilder("x");
        for (int i = random.nextInt(40); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text.append('y');
        String expected = text.toString().replaceAll("\\p{Cc}", " ").replaceAll("\\s+", " ");

        assertEquals(expected, plain(highlighter.highlight(text.toString(), List.of(), 200)), "seed " + seed);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0x41_6E_0000L + i);
    }

    @Test
    void aMatchFarInAVeryLongTextIsFound() {
        String text = "Lorem ipsum dolor. ".repeat(800) + "Gestion différenciée des espaces verts.";
        List<Segment> segments = highlight(text, "espaces verts", 200);
        assertEquals(List.of("espaces", "verts"), marked(segments));
        assertTrue(plain(segments).startsWith("…"));
        assertFalse(plain(segments).endsWith("…"));
    }

    @Test
    void safeHtmlEscapesTheTextAndMarksTheMatches() {
        List<Segment> segments = highlight("<script>alert('x')</script> & \"écologie\"", "ecologie", 200);
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;<mark>écologie</mark>&quot;",
            Highlighter.toSafeHtml(segments));
    }
}
