package fr.vivier.bench;

import fr.vivier.directory.StructureKind;
import fr.vivier.search.SearchQueries;
import fr.vivier.search.SearchQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The searches buyers make, in three kinds drawn in equal parts: words only; facets only (a sector group, a
 * structure kind, sometimes a size or a label); words + facets + a commune of execution drawn by population.
 * Words come from the sector wording, so most searches find something, as real ones do.
 */
final class QueryMix {
    enum Kind { TEXT, FACETS, TEXT_FACETS_COMMUNE }

    record BenchQuery(Kind kind, SearchQuery query) {
        String queryString() {
            return SearchQueries.toQueryString(query);
        }
    }

    private static final Set<String> STOP_WORDS = Set.of("avec", "dans", "hors", "pour", "sans", "sous", "leurs", "autres",
        "toutes", "tous", "ainsi", "entre", "notamment", "divers", "diverses", "autre", "compris", "leur");
    private static final String[] FAMILIES = {"SIAE", "STPA", "ESS", "COMPANY"};
    private static final String[] SIZES = {"TPE", "PME", "ETI", "GE"};

    private QueryMix() {
    }

    static List<BenchQuery> build(Reference reference, int count, long seed) {
        Random random = new Random(seed);
        List<String> groups = List.copyOf(reference.sectorsByGroup.keySet());
        List<BenchQuery> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[i % 3];
            Reference.Sector sector = reference.sectors.get(random.nextInt(reference.sectors.size()));
            String text = kind == Kind.FACETS ? null : words(sector, random);
            List<String> sectorGroups = List.of();
            List<String> sectors = List.of();
            List<String> kinds = List.of();
            List<String> sizes = List.of();
            List<String> labels = List.of();
            String commune = null;
            if (kind == Kind.FACETS) {
                sectorGroups = List.of(groups.get(random.nextInt(groups.size())));
                kinds = random.nextBoolean() ? List.of(FAMILIES[random.nextInt(3)]) : List.of("SIAE", "STPA");
                if (random.nextInt(3) == 0) {
                    sizes = List.of(SIZES[random.nextInt(2)]);
                }
                if (random.nextInt(10) == 0) {
                    labels = List.of(reference.labels.get(random.nextInt(reference.labels.size())).code());
                }
            } else if (kind == Kind.TEXT_FACETS_COMMUNE) {
                if (random.nextBoolean()) {
                    sectorGroups = List.of(sector.group());
                } else {
                    sectors = List.of(sector.code());
                }
                kinds = List.of(FAMILIES[random.nextInt(FAMILIES.length)]);
                commune = reference.commune(random).code();
            }
            queries.add(new BenchQuery(kind, new SearchQuery(text, sectorGroups, sectors, labels, kinds, sizes, commune,
                false, false, SearchQuery.Sort.RELEVANCE, 1, SearchQuery.DEFAULT_PAGE_SIZE)));
        }
        return queries;
    }

    /** Structure kinds of a family, for the PostgreSQL baseline (the index stores the family). */
    static List<String> kindsOf(String family) {
        return java.util.Arrays.stream(StructureKind.values()).filter(k -> k.family().name().equals(family)).map(Enum::name).toList();
    }

    /** One or two content words of the sector's wording, as a buyer would type them. */
    private static String words(Reference.Sector sector, Random random) {
        List<String> candidates = new ArrayList<>();
        List<String> texts = new ArrayList<>(sector.nafLabels());
        texts.add(sector.label());
        String source = texts.get(random.nextInt(texts.size()));
        for (String word : source.toLowerCase(Locale.FRENCH).split("[^\\p{L}]+")) {
            if (word.length() >= 5 && !STOP_WORDS.contains(word)) {
                candidates.add(word);
            }
        }
        if (candidates.isEmpty()) {
            return sector.label().split("[ ,]")[0].toLowerCase(Locale.FRENCH);
        }
        int first = random.nextInt(candidates.size());
        if (random.nextInt(3) == 0 && first + 1 < candidates.size()) {
            return candidates.get(first) + " " + candidates.get(first + 1);
        }
        return candidates.get(first);
    }
}
