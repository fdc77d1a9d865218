package fr.vivier.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text compared as people mean it: accents, ligatures and case do not matter (« Œuvre » is « oeuvre »). */
public final class TextFolding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER_THAN_LETTERS_AND_DIGITS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");

    private TextFolding() {
    }

    /** Without accents, in lower case, ligatures spelt out. */
    public static String fold(String text) {
        String withoutMarks = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return withoutMarks.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
    }

    /** Folded words separated by single spaces: « Saint-Denis (93) » is « saint denis 93 ». */
    public static String words(String text) {
        return OTHER_THAN_LETTERS_AND_DIGITS.matcher(fold(text)).replaceAll(" ").strip();
    }

    /** Folded words joined by hyphens, as in an address: « L’Île-Saint-Denis » is « l-ile-saint-denis ». */
    public static String slug(String text) {
        return EDGE_HYPHENS.matcher(OTHER_THAN_LETTERS_AND_DIGITS.matcher(fold(text)).replaceAll("-")).replaceAll("");
    }
}
