package fr.vivier.search;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static fr.vivier.shared.HtmlText.escape;

/**
 * Builds a short excerpt of an original text around the first words that match analysed query terms,
 * from the analyser's offsets (Elasticsearch only sees the analysed form, so it cannot highlight).
 * The result is a list of segments (the API's JSON); {@link #toSafeHtml(List)} writes them as HTML for the
 * search page, which shows twenty excerpts and rendered each segment with three Thymeleaf processors.
 */
@Singleton
public class Highlighter {
    public static final int DEFAULT_MAX_CHARS = 200;
    private static final String ELLIPSIS = "…";

    @io.micronaut.serde.annotation.Serdeable
    public record Segment(String text, boolean highlighted) {
    }

    private final FrenchAnalyzer analyzer;

    public Highlighter(FrenchAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public List<Segment> highlight(String text, Collection<String> queryTerms) {
        return highlight(text, queryTerms, DEFAULT_MAX_CHARS);
    }

    /**
     * At most {@code maxChars} characters of the text (plus "…" where it is cut), cut between words when
     * possible, with every word matching one of {@code queryTerms} (terms from {@link FrenchAnalyzer})
     * highlighted. Without a match, the beginning of the text.
     */
    public List<Segment> highlight(String text, Collection<String> queryTerms, int maxChars) {
        Set<String> wanted = queryTerms == null ? Set.of() : Set.copyOf(queryTerms);
        boolean analyse = !wanted.isEmpty() && text != null && !text.isBlank();
        List<FrenchAnalyzer.Token> matches = analyse
            ? analyzer.tokens(text).stream().filter(token -> wanted.contains(token.term())).toList() : List.of();
        return highlightMatches(text, matches, maxChars);
    }

    /** An excerpt of the text around the first of these matches (tokens of the text, in order), each one marked. */
    public List<Segment> highlightMatches(String text, List<FrenchAnalyzer.Token> matches, int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        if (text == null || text.isBlank()) {
            return List.of();
        }
        int start = 0;
        int mustInclude = 0;
        if (!matches.isEmpty()) {
            FrenchAnalyzer.Token first = matches.get(0);
            mustInclude = first.endOffset();
            if (first.endOffset() > maxChars) {
                // Some context before the first match, starting on a word.
                start = wordStartFrom(text, first.startOffset() - maxChars / 4, first.startOffset());
            }
        }
        int end = wordEndBefore(text, start, Math.min(text.length(), start + maxChars), mustInclude);
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }

        List<Segment> segments = new ArrayList<>();
        if (!isBlank(text, 0, start)) {
            append(segments, ELLIPSIS, false);
        }
        int cursor = start;
        for (FrenchAnalyzer.Token match : matches) {
            if (match.startOffset() < cursor || match.endOffset() > end) {
                continue;
            }
            append(segments, text.substring(cursor, match.startOffset()), false);
            append(segments, text.substring(match.startOffset(), match.endOffset()), true);
            cursor = match.endOffset();
        }
        append(segments, text.substring(cursor, end), false);
        if (!isBlank(text, end, text.length())) {
            append(segments, ELLIPSIS, false);
        }
        return segments;
    }

    /** The segments as HTML, text escaped and highlights wrapped in {@code <mark>}. */
    public static String toSafeHtml(List<Segment> segments) {
        StringBuilder html = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.highlighted()) {
                html.append("<mark>").append(escape(segment.text())).append("</mark>");
            } else {
                html.append(escape(segment.text()));
            }
        }
        return html.toString();
    }


    /** The first word start in [from, limit], or limit. */
    private static int wordStartFrom(String text, int from, int limit) {
        for (int i = Math.max(from, 1); i < limit; i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return limit;
    }

    /** The last cut before {@code limit} that does not split a word, nor end before {@code mustInclude}. */
    private static int wordEndBefore(String text, int start, int limit, int mustInclude) {
        if (limit >= text.length() || Character.isWhitespace(text.charAt(limit))) {
            return limit;
        }
        for (int i = limit; i > Math.max(start, mustInclude); i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        // One word longer than the excerpt: cut inside it, but not inside a surrogate pair.
        int end = Math.max(limit, mustInclude);
        return end < text.length() && Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Merges with the previous segment of the same kind; control characters become spaces, runs of spaces one space. */
    private static void append(List<Segment> segments, String text, boolean highlighted) {
        String clean = withSingleSpaces(text);
        if (clean.isEmpty()) {
            return;
        }
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).highlighted() == highlighted) {
            segments.set(last, new Segment(segments.get(last).text() + clean, highlighted));
        } else {
            segments.add(new Segment(clean, highlighted));
        }
    }

    /** Control characters as spaces, then runs of spaces as one; without regular expressions (one call per segment of every hit). */
    private static String withSingleSpaces(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || Character.getType(c) == Character.CONTROL;
            if (!space) {
                clean.append(c);
            } else if (!inSpace) {
                clean.append(' ');
            }
            inSpace = space;
        }
        return clean.toString();
    }
}
