package fr.vivier.search;

import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
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
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * French analysis done in the application, because the Elasticsearch server has no analysis-common
 * module: the terms are joined with spaces and indexed into fields mapped with the {@code whitespace}
 * analyzer, and queries go through the same chain. Thread-safe (Lucene analyzers reuse per-thread state).
 *
 * <p>Chain: apostrophe variants mapped to ' → standard tokenizer → elision (l', d', qu', jusqu'…)
 * → lowercase → combining marks removed → French stop words → ASCII folding → French light stemming.
 * Token offsets point into the original text; an elided token covers its article ("l’écologie").
 */
@Singleton
public class FrenchAnalyzer {
    /** Longer text is analysed up to this length only; descriptions are far shorter. */
    public static final int MAX_CHARS = 20_000;

    private static final String STOP_WORDS = "vivier-french-stop.txt";

    public record Token(String term, int startOffset, int endOffset) {
    }

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
                .addTokenFilter("asciiFolding")
                .addTokenFilter("frenchLightStem")
                .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed tokens of the first {@link #MAX_CHARS} characters of the text. */
    public List<Token> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String analysed = capped(text);
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", analysed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 0) {
                    tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
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
