package fr.vivier.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HitTextsTest {
    private final FrenchAnalyzer analyzer = new FrenchAnalyzer();
    private final HitTexts texts = new HitTexts(analyzer);

    @Test
    void aTextShownAgainHasTheWordsAndOffsetsOfItsFirstAnalysis() {
        String text = "L’atelier d’insertion assure l’entretien des espaces verts et le nettoyage de locaux.";
        List<HitTexts.Word> first = texts.words(text);
        List<HitTexts.Word> again = texts.words(text);

        assertEquals(analyzer.words(text).stream().map(w -> new HitTexts.Word(w.stem(), w.exact(), w.startOffset(), w.endOffset())).toList(), first);
        assertEquals(first, again);
        assertEquals("nettoyage", text.substring(first.get(first.size() - 2).startOffset(), first.get(first.size() - 2).endOffset()));
    }

    @Test
    void anEditedTextIsAnalysedAnew() {
        texts.words("Traiteur bio pour les réceptions");
        List<HitTexts.Word> edited = texts.words("Traiteur végétarien pour les réceptions");

        assertEquals("végétarien", "Traiteur végétarien pour les réceptions".substring(edited.get(1).startOffset(), edited.get(1).endOffset()));
    }
}
