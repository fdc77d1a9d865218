package fr.vivier.search;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated synonyms of search/synonyms.txt, applied to queries in the application like the rest of the analysis:
 * each group's words and phrases are analysed as the index is (exact forms), so « ménages » meets « ménage » and
 * « espace vert » meets « espaces verts ».
 */
@Singleton
public class SearchSynonyms {
    static final String FILE = "/search/synonyms.txt";

    /**
     * A run of a query's words: one word, or several forming a phrase of the list, with the phrases equivalent to it
     * (none when the list does not know it).
     */
    public record Run(List<FrenchAnalyzer.Word> words, List<List<FrenchAnalyzer.Word>> equivalents) { }

    private record Phrase(List<FrenchAnalyzer.Word> words, int group) {
        List<String> exact() {
            return words.stream().map(FrenchAnalyzer.Word::exact).toList();
        }
    }

    /** Phrases by the exact form of their first word. */
    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();
    private final List<List<Phrase>> groups = new ArrayList<>();

    public SearchSynonyms(FrenchAnalyzer analyzer) {
        for (String line : lines()) {
            List<Phrase> group = new ArrayList<>();
            for (String phrase : line.split(",")) {
                List<FrenchAnalyzer.Word> words = analyzer.words(phrase);
                if (!words.isEmpty()) {
                    group.add(new Phrase(words, groups.size()));
                }
            }
            if (group.size() > 1) {
                groups.add(group);
                group.forEach(phrase -> phrasesByFirstWord.computeIfAbsent(phrase.words().get(0).exact(), w -> new ArrayList<>()).add(phrase));
            }
        }
    }

    /** The query's words as runs, left to right, the longest phrase of the list winning where several start. */
    public List<Run> runs(List<FrenchAnalyzer.Word> words) {
        List<Run> runs = new ArrayList<>();
        int position = 0;
        while (position < words.size()) {
            Phrase longest = null;
            for (Phrase phrase : phrasesByFirstWord.getOrDefault(words.get(position).exact(), List.of())) {
                if (startsAt(words, position, phrase) && (longest == null || phrase.words().size() > longest.words().size())) {
                    longest = phrase;
                }
            }
            if (longest == null) {
                runs.add(new Run(List.of(words.get(position)), List.of()));
                position++;
            } else {
                Phrase found = longest;
                List<List<FrenchAnalyzer.Word>> equivalents = groups.get(found.group()).stream().filter(p -> p != found)
                    .map(Phrase::words).toList();
                runs.add(new Run(words.subList(position, position + found.words().size()), equivalents));
                position += found.words().size();
            }
        }
        return runs;
    }

    private static boolean startsAt(List<FrenchAnalyzer.Word> words, int position, Phrase phrase) {
        List<String> exact = phrase.exact();
        if (position + exact.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < exact.size(); i++) {
            if (!words.get(position + i).exact().equals(exact.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> lines() {
        try (InputStream in = SearchSynonyms.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IOException(FILE + " absent du classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
