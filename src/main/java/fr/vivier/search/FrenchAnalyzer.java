package fr.vivier.search;

import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.fr.FrenchMinimalStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * French analysis done in the application, because the Elasticsearch server has no analysis-common
 * module: the terms are joined with spaces and indexed into fields mapped with the {@code whitespace}
 * analyzer, and queries go through the same chain. Thread-safe (Lucene analyzers reuse per-thread state).
 *
 * <p>Chain: apostrophe variants mapped to ' → standard tokenizer → elision (l', d', qu', jusqu'…)
 * → lowercase → combining marks removed → French stop words → ASCII folding, then three forms of each word:
 * the light stem ("traiteur" and "traitement" → trait), which finds every form of a word; the exact form, where
 * only plurals and endings are folded by the minimal stemmer ("traiteurs" → traiteu, "traitement" stays), which
 * ranks the word typed above its relatives; and the folded word itself. Token offsets point into the original
 * text; an elided token covers its article ("l’écologie").
 */
@Singleton
public class FrenchAnalyzer {
    /** Longer text is analysed up to this length only; descriptions are far shorter. */
    public static final int MAX_CHARS = 20_000;

    private static final String STOP_WORDS = "vivier-french-stop.txt";

    public record Token(String term, int startOffset, int endOffset) {
    }

    /**
     * A word of the text: lowercase (accents kept, article elided), folded (no accents), its exact form and its light
     * stem, with its offsets.
     */
    public record Word(String lower, String folded, String exact, String stem, int startOffset, int endOffset) {
    }

    /**
     * What goes into Elasticsearch for a text: its stems and its exact forms, each joined with spaces, and its
     * lowercase words (for spelling suggestions), once each.
     */
    public record Forms(String stems, String words, Set<String> spelling) {
    }

    private static final FrenchLightStemmer LIGHT_STEMMER = new FrenchLightStemmer();
    private static final FrenchMinimalStemmer MINIMAL_STEMMER = new FrenchMinimalStemmer();

    private final Analyzer analyzer;

    public FrenchAnalyzer() {
        try {
            analyzer = CustomAnalyzer.builder(new StopWordsLoader())
                // The elision filter knows ' and ’ but not ʼ (U+02BC) nor the fullwidth ＇ (U+FF07).
                .addCharFilter("patternReplace", "pattern", "[\u02BC\uFF07]", "replacement", "'")
                .withTokenizer("standard")
                .addTokenFilter("elision", "ignoreCase", "true")
                .addTokenFilter("lowercase")
                // Decomposed text (NFD, e.g. pasted from macOS) keeps its marks through ASCII folding.
                .addTokenFilter("patternReplace", "pattern", "\\p{M}+", "replacement", "")
                // Before folding so that "maïs" is not taken for "mais"; the list also holds the
                // unaccented forms so that "a" typed for "à" goes away like "à" does.
                .addTokenFilter("stop", "words", STOP_WORDS)
                .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed tokens (light stems) of the first {@link #MAX_CHARS} characters of the text. */
    public List<Token> tokens(String text) {
        return words(text).stream().map(word -> new Token(word.stem(), word.startOffset(), word.endOffset())).toList();
    }

    /** The words of the first {@link #MAX_CHARS} characters of the text, in their three forms. */
    public List<Word> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String analysed = capped(text);
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", analysed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            char[] folded = new char[64];
            while (stream.incrementToken()) {
                if (folded.length < term.length() * 4) {
                    folded = new char[term.length() * 4];
                }
                int length = ASCIIFoldingFilter.foldToASCII(term.buffer(), 0, folded, 0, term.length());
                if (length > 0) {
                    char[] light = Arrays.copyOf(folded, length);
                    char[] exact = Arrays.copyOf(folded, length);
                    words.add(new Word(term.toString(), new String(folded, 0, length), new String(exact, 0, exactLength(exact, length)),
                        new String(light, 0, LIGHT_STEMMER.stem(light, length)), offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /**
     * Lucene's minimal French stemmer (plurals, -er, -e, doubled letters), which leaves words under six letters
     * alone; their plural -s or -x is folded here so that "verts" and "haies" meet "vert" and "haie".
     */
    private static int exactLength(char[] word, int length) {
        if (length >= 6) {
            return MINIMAL_STEMMER.stem(word, length);
        }
        boolean plural = length > 3 && (word[length - 1] == 's' || word[length - 1] == 'x') && word[length - 2] != 's';
        return plural ? length - 1 : length;
    }

    public List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    /** What goes into Elasticsearch for a field mapped with the whitespace analyzer. */
    public String indexForm(String text) {
        return String.join(" ", terms(text));
    }

    /** The query text for a field filled with {@link #indexForm(String)}. */
    public String queryForm(String text) {
        return indexForm(text);
    }

    /** The indexed forms of a text, from one pass of the chain. */
    public Forms forms(String text) {
        List<Word> words = words(text);
        return new Forms(words.stream().map(Word::stem).collect(Collectors.joining(" ")),
            words.stream().map(Word::exact).collect(Collectors.joining(" ")),
            words.stream().map(Word::lower).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String capped(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    /** Lucene's French stop words plus their unaccented forms, served to the stop filter factory. */
    private static final class StopWordsLoader implements ResourceLoader {
        private final ResourceLoader classpath = new ClasspathResourceLoader(FrenchAnalyzer.class);
        private final byte[] stopWords = stopWords().getBytes(StandardCharsets.UTF_8);

        private static String stopWords() {
            TreeSet<String> words = new TreeSet<>();
            for (Object word : org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet()) {
                String accented = new String((char[]) word);
                words.add(accented);
                words.add(Normalizer.normalize(accented, Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
            }
            return words.stream().collect(Collectors.joining("\n"));
        }

        @Override
        public InputStream openResource(String resource) throws IOException {
            return STOP_WORDS.equals(resource) ? new ByteArrayInputStream(stopWords) : classpath.openResource(resource);
        }

        @Override
        public <T> Class<? extends T> findClass(String name, Class<T> expectedType) {
            return classpath.findClass(name, expectedType);
        }
    }
}
