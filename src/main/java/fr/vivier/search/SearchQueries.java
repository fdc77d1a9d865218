package fr.vivier.search;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a search from the query string (repeatable filters: sector=a&sector=b) and writes it back, so that
 * every state of the page is a shareable URL and the browser's back button works.
 */
@Singleton
public class SearchQueries {
    private final FacetLabels facetLabels;
    private final ReferenceData reference;

    SearchQueries(FacetLabels facetLabels, ReferenceData reference) {
        this.facetLabels = facetLabels;
        this.reference = reference;
    }

    public record Parsed(SearchQuery query, Map<String, String> errors) { }

    public Parsed parse(HttpParameters parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        String text = first(parameters, "q");
        if (text != null && text.length() > SearchQuery.MAX_TEXT_LENGTH) {
            // cutting it would search for words the person did not choose to keep
            errors.put("q", "Votre recherche compte " + text.length() + " caractères : " + SearchQuery.MAX_TEXT_LENGTH
                + " au plus. Raccourcissez-la ; elle n’a pas été prise en compte.");
            text = null;
        }
        String commune = first(parameters, "commune");
        if (commune != null && reference.commune(commune).isEmpty()) {
            errors.put("commune", "Commune inconnue : « " + abbreviate(commune) + " ».");
            commune = null;
        }
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        String sortValue = first(parameters, "sort");
        if (sortValue != null) {
            try {
                sort = SearchQuery.Sort.valueOf(sortValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("sort", "Tri inconnu : relevance, name ou updated.");
            }
        }
        int pageSize = number(parameters, "pageSize", SearchQuery.DEFAULT_PAGE_SIZE, 1, SearchQuery.MAX_PAGE_SIZE, errors);
        int page = number(parameters, "page", 1, 1, 10_000 / pageSize, errors);
        return new Parsed(new SearchQuery(text, codes(parameters, "sectorGroup", errors), codes(parameters, "sector", errors),
            codes(parameters, "label", errors), codes(parameters, "kind", errors), codes(parameters, "size", errors), commune,
            flag(parameters, "local"), flag(parameters, "verified"), sort, page, pageSize), errors);
    }

    /** The query string of a search (without page when it is 1). */
    public static String toQueryString(SearchQuery query) {
        List<String> parts = new ArrayList<>();
        if (query.hasText()) parts.add("q=" + encode(query.text()));
        query.sectorGroups().forEach(v -> parts.add("sectorGroup=" + encode(v)));
        query.sectors().forEach(v -> parts.add("sector=" + encode(v)));
        query.labels().forEach(v -> parts.add("label=" + encode(v)));
        query.kinds().forEach(v -> parts.add("kind=" + encode(v)));
        query.sizes().forEach(v -> parts.add("size=" + encode(v)));
        if (query.commune() != null) parts.add("commune=" + encode(query.commune()));
        if (query.localOnly()) parts.add("local=true");
        if (query.verifiedLabelsOnly()) parts.add("verified=true");
        if (query.sort() != SearchQuery.Sort.RELEVANCE) parts.add("sort=" + query.sort().name().toLowerCase(Locale.ROOT));
        if (query.page() > 1) parts.add("page=" + query.page());
        if (query.pageSize() != SearchQuery.DEFAULT_PAGE_SIZE) parts.add("pageSize=" + query.pageSize());
        return String.join("&", parts);
    }

    /** The same search with one facet value added or removed, back on page 1. */
    public static SearchQuery toggle(SearchQuery query, String facet, String code) {
        return switch (facet) {
            case "sectorGroup" -> with(query, toggled(query.sectorGroups(), code), query.sectors(), query.labels(), query.kinds(), query.sizes(), query.localOnly());
            case "sector" -> with(query, query.sectorGroups(), toggled(query.sectors(), code), query.labels(), query.kinds(), query.sizes(), query.localOnly());
            case "label" -> with(query, query.sectorGroups(), query.sectors(), toggled(query.labels(), code), query.kinds(), query.sizes(), query.localOnly());
            case "kind" -> with(query, query.sectorGroups(), query.sectors(), query.labels(), toggled(query.kinds(), code), query.sizes(), query.localOnly());
            case "size" -> with(query, query.sectorGroups(), query.sectors(), query.labels(), query.kinds(), toggled(query.sizes(), code), query.localOnly());
            case "local" -> with(query, query.sectorGroups(), query.sectors(), query.labels(), query.kinds(), query.sizes(), !query.localOnly());
            default -> query;
        };
    }

    public static SearchQuery atPage(SearchQuery query, int page) {
        return new SearchQuery(query.text(), query.sectorGroups(), query.sectors(), query.labels(), query.kinds(), query.sizes(),
            query.commune(), query.localOnly(), query.verifiedLabelsOnly(), query.sort(), page, query.pageSize());
    }

    private static SearchQuery with(SearchQuery q, List<String> groups, List<String> sectors, List<String> labels, List<String> kinds,
                                    List<String> sizes, boolean local) {
        return new SearchQuery(q.text(), groups, sectors, labels, kinds, sizes, q.commune(), local, q.verifiedLabelsOnly(), q.sort(), 1,
            q.pageSize());
    }

    private static List<String> toggled(List<String> values, String code) {
        List<String> result = new ArrayList<>(values);
        if (!result.remove(code)) {
            result.add(code);
        }
        return result;
    }

    private List<String> codes(HttpParameters parameters, String facet, Map<String, String> errors) {
        List<String> codes = new ArrayList<>();
        for (String value : parameters.getAll(facet)) {
            for (String code : value.split(",")) {
                String trimmed = code.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (facetLabels.knows(facet, trimmed)) {
                    if (!codes.contains(trimmed)) codes.add(trimmed);
                } else {
                    errors.putIfAbsent(facet, "Code inconnu pour « " + facet + " » : « " + abbreviate(trimmed) + " ».");
                }
            }
        }
        return codes;
    }

    private static String first(HttpParameters parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean flag(HttpParameters parameters, String name) {
        String value = parameters.get(name);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("on"));
    }

    private static int number(HttpParameters parameters, String name, int fallback, int min, int max, Map<String, String> errors) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                errors.put(name, "« " + name + " » doit être compris entre " + min + " et " + max + ".");
                return Math.max(min, Math.min(max, number));
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(name, "« " + name + " » doit être un nombre.");
            return fallback;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        String clean = value.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
