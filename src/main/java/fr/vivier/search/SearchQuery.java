package fr.vivier.search;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A supplier search as the page and the API state it; all of it travels in the query string. */
public record SearchQuery(
    @Nullable String text,
    List<String> sectorGroups,
    List<String> sectors,
    List<String> labels,
    List<String> kinds,
    List<String> sizes,
    @Nullable String commune,
    boolean localOnly,
    boolean verifiedLabelsOnly,
    Sort sort,
    int page,
    int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** The longest text searched; a longer one is refused with a message, never cut. */
    public static final int MAX_TEXT_LENGTH = 200;

    public enum Sort { RELEVANCE, NAME, UPDATED }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public int from() {
        return (page - 1) * pageSize;
    }
}
