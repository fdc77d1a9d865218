package fr.vivier.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysed words of the texts that hits show (name, offers, description), kept for the texts shown most: the
 * analysis was the largest part of building a result (a fifth of the API's CPU for a text search), and the suppliers a
 * directory shows are much the same from one search to the next. The key is the text itself, so a profile's edit
 * is a new text and never reads a stale analysis. Bounded by the characters of the texts held
 * ({@value #MAX_CHARACTERS}, about 10 MB with their words).
 */
@Singleton
class HitTexts {
    static final long MAX_CHARACTERS = 500_000;

    /** A word of a hit's text: what {@link FullTextQuery.Highlighted} compares, and where it is. */
    record Word(String stem, String exact, int startOffset, int endOffset) { }

    private final FrenchAnalyzer analyzer;
    private final Cache<String, List<Word>> words = Caffeine.newBuilder()
        .maximumWeight(MAX_CHARACTERS).weigher((String text, List<Word> analysed) -> text.length())
        .recordStats().build();

    HitTexts(FrenchAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<Word> words(String text) {
        return words.get(text, this::analyse);
    }

    /** Share of the texts found already analysed, since the start. */
    double hitRate() {
        return words.stats().hitRate();
    }

    private List<Word> analyse(String text) {
        List<FrenchAnalyzer.Word> analysed = analyzer.words(text);
        List<Word> compact = new ArrayList<>(analysed.size());
        for (FrenchAnalyzer.Word word : analysed) {
            compact.add(new Word(word.stem(), word.exact(), word.startOffset(), word.endOffset()));
        }
        return List.copyOf(compact);
    }
}
