package fr.vivier.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFoldingTest {
    @Test
    void accentsLigaturesAndCaseDoNotMatter() {
        assertEquals("oeuvre ecologique", TextFolding.fold("Œuvre Écologique"));
        assertEquals("ex aequo", TextFolding.fold("ex æquo"));
    }

    @Test
    void wordsAreSeparatedBySingleSpaces() {
        assertEquals("saint denis 93", TextFolding.words("  Saint-Denis (93) "));
        assertEquals("l ile saint denis", TextFolding.words("L’Île-Saint-Denis"));
    }

    @Test
    void slugsJoinTheWordsWithHyphens() {
        assertEquals("l-ile-saint-denis", TextFolding.slug("L’Île-Saint-Denis"));
        assertEquals("atelier-du-canal", TextFolding.slug("« Atelier du canal »"));
        assertEquals("", TextFolding.slug("« … »"));
    }
}
