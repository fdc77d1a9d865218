package fr.vivier.programming;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.TextFolding;
import fr.vivier.reference.Sector;
import fr.vivier.search.FrenchAnalyzer;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published programming for everyone: filters with counts, free text analysed like supplier search (the line's
 * analysed terms are stored in an indexed array, the query's terms must all be there), place of execution with area
 * overlap. Unpublished lines never leave this class.
 */
@Singleton
public class PublicProgramming {
    private static final String ORDER = "l.year, l.expected_quarter, l.expected_month NULLS LAST, l.reference";

    private final ProgrammingRepository lines;
    private final ReferenceData reference;
    private final ReferenceData territories;
    private final FrenchAnalyzer analyzer;
    private final boolean amountsAsBands;

    PublicProgramming(ProgrammingRepository lines, ReferenceData reference, ReferenceData territories, FrenchAnalyzer analyzer,
                      @Value("${vivier.programming.public-amounts:exact}") String publicAmounts) {
        this.lines = lines;
        this.reference = reference;
        this.territories = territories;
        this.analyzer = analyzer;
        this.amountsAsBands = "band".equalsIgnoreCase(publicAmounts.strip());
    }

    /** A filter value with the number of lines of the current result that have it. */
    public record Count(String code, String label, long count, boolean selected) { }

    public record Result(List<LineView> lines, int total, PublicQuery query, Map<String, List<Count>> counts) {
        public int totalPages() {
            return Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
        }
    }

    public boolean amountsAsBands() {
        return amountsAsBands;
    }

    /** Reads the query string; values that are not understood are dropped, the place gets a French message. */
    public PublicQuery parse(@Nullable String text, @Nullable String year, @Nullable List<String> groups, @Nullable List<String> sectors,
                             @Nullable List<String> quarters, @Nullable List<String> bands, @Nullable String reserved,
                             @Nullable List<String> considerations, @Nullable String place, @Nullable String page,
                             @Nullable String pageSize) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> knownGroups = reference.sectorGroupsByCode().keySet();
        List<String> groupCodes = values(groups).stream().filter(knownGroups::contains).toList();
        List<String> sectorCodes = values(sectors).stream().filter(territories::sectorExists).toList();
        List<Integer> quarterNumbers = values(quarters).stream().filter(q -> q.matches("[1-4]")).map(Integer::valueOf).distinct().toList();
        List<AmountBand> amountBands = values(bands).stream().flatMap(b -> java.util.Arrays.stream(AmountBand.values())
            .filter(band -> band.name().equals(b))).distinct().toList();
        List<String> wanted = values(considerations);
        String placeTyped = place == null ? "" : place.strip();
        Place resolved = null;
        if (!placeTyped.isEmpty()) {
            resolved = resolvePlace(placeTyped).orElse(null);
            if (resolved == null) {
                errors.put("lieu", "Lieu inconnu : indiquez une commune (nom, code postal ou code INSEE), le SIREN d’un EPCI ou d’un EPT, "
                    + "ou un numéro de département.");
            }
        }
        String typedText = text == null ? null : text.strip();
        if (typedText != null && typedText.length() > 200) {
            errors.put("q", "La recherche ne doit pas dépasser 200 caractères.");
            typedText = typedText.substring(0, 200);
        }
        return new PublicQuery(typedText, StaffProgrammingController.parseYear(year), groupCodes, sectorCodes, quarterNumbers,
            amountBands, "oui".equals(reserved) || "true".equals(reserved), wanted.contains("sociale"),
            wanted.contains("environnementale"), resolved, placeTyped, number(page, 1, 1, 10_000),
            number(pageSize, PublicQuery.PAGE_SIZE, 1, PublicQuery.MAX_PAGE_SIZE), errors);
    }

    @Transactional(readOnly = true)
    public Result search(PublicQuery query) {
        List<String> where = new ArrayList<>(List.of("l.published"));
        List<Object> parameters = new ArrayList<>();
        if (query.year() != null) {
            where.add("l.year = ?");
            parameters.add(query.year());
        }
        if (query.reservedOnly()) {
            where.add("l.reservation <> 'NONE'");
        }
        if (query.socialOnly()) {
            where.add("(l.social_clause OR l.social_criterion OR l.reservation <> 'NONE')");
        }
        if (query.environmentalOnly()) {
            where.add("(l.environmental_clause OR l.environmental_criterion)");
        }
        if (query.place() != null) {
            where.add("l.area_codes && ?::text[]");
            parameters.add(List.of(query.place().stored()));
        }
        if (query.hasText()) {
            List<String> terms = analyzer.terms(query.text()).stream().distinct().toList();
            if (!terms.isEmpty()) {
                where.add("l.search_terms @> ?::text[]");
                parameters.add(terms);
            }
        }
        // the multi-value facets (sectors, quarters, amount bands) are applied here, so that each one's counts can leave out its own choice
        List<ProgrammingRepository.Facts> others = lines.facts(String.join(" AND ", where), parameters, ORDER);
        MultiValueFacets facets = new MultiValueFacets(query, sectorCodes(query));
        List<ProgrammingRepository.Facts> facts = others.stream().filter(facets::matchesAll).toList();
        int from = Math.min(facts.size(), (query.page() - 1) * query.pageSize());
        int to = Math.min(facts.size(), from + query.pageSize());
        List<Long> pageIds = facts.subList(from, to).stream().map(ProgrammingRepository.Facts::id).toList();
        var viewer = LineView.viewer(reference, territories, amountsAsBands);
        return new Result(lines.lines(pageIds).stream().map(viewer).toList(), facts.size(), query, counts(others, facts, facets, query));
    }

    /** The sectors a query asks for: those chosen, and every sector of the groups chosen (one facet: a line has any of them). */
    private Set<String> sectorCodes(PublicQuery query) {
        Set<String> sectorCodes = new LinkedHashSet<>(query.sectors());
        query.sectorGroups().forEach(group -> reference.sectorsByGroup().getOrDefault(group, List.of())
            .forEach(sector -> sectorCodes.add(sector.code())));
        return sectorCodes;
    }

    /**
     * The facets where several values may be chosen, each value widening the result (a line in any chosen sector, any
     * chosen quarter, any chosen band). Their counts are « disjunctive »: a facet's values are counted over the lines
     * that pass every other filter but its own, so that choosing one sector leaves the other sectors' counts as they were.
     */
    private record MultiValueFacets(PublicQuery query, Set<String> sectorCodes) {
        boolean sector(ProgrammingRepository.Facts line) {
            return sectorCodes.isEmpty() || line.sectors().stream().anyMatch(sectorCodes::contains);
        }

        boolean quarter(ProgrammingRepository.Facts line) {
            return query.quarters().isEmpty() || query.quarters().contains(line.quarter());
        }

        boolean band(ProgrammingRepository.Facts line) {
            return query.bands().isEmpty() || query.bands().contains(AmountBand.of(line.amount()));
        }

        boolean matchesAll(ProgrammingRepository.Facts line) {
            return sector(line) && quarter(line) && band(line);
        }
    }

    /** A published line by its year and reference. */
    @Transactional(readOnly = true)
    public Optional<LineView> published(int year, String reference) {
        return lines.idOf(year, reference).flatMap(lines::find).filter(ProgrammingLine::published)
            .map(LineView.viewer(this.reference, territories, amountsAsBands));
    }

    @Transactional(readOnly = true)
    public List<LineView> publishedYear(int year) {
        List<Long> ids = lines.ids("l.published AND l.year = ?", List.of(year), ORDER);
        var viewer = LineView.viewer(reference, territories, amountsAsBands);
        List<LineView> views = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            lines.lines(ids.subList(from, Math.min(ids.size(), from + 500))).stream().map(viewer).forEach(views::add);
        }
        return views;
    }

    /**
     * @param others the lines that pass every filter but the multi-value facets
     * @param facts  the result: the lines that pass every filter
     */
    private Map<String, List<Count>> counts(List<ProgrammingRepository.Facts> others, List<ProgrammingRepository.Facts> facts,
                                            MultiValueFacets facets, PublicQuery query) {
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        Map<String, Sector> sectors = reference.sectors().stream().collect(Collectors.toMap(Sector::code, s -> s, (a, b) -> a));
        Map<String, Long> bySector = new TreeMap<>();
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (ProgrammingRepository.Facts line : others) {
            if (!facets.quarter(line) || !facets.band(line)) {
                continue;
            }
            line.sectors().forEach(code -> bySector.merge(code, 1L, Long::sum));
            line.sectors().stream().map(sectors::get).filter(java.util.Objects::nonNull).map(Sector::groupCode).distinct()
                .forEach(group -> byGroup.merge(group, 1L, Long::sum));
        }
        counts.put("groupe", reference.sectorGroups().stream().filter(g -> byGroup.containsKey(g.code()) || query.hasSectorGroup(g.code()))
            .map(g -> new Count(g.code(), g.label(), byGroup.getOrDefault(g.code(), 0L), query.hasSectorGroup(g.code()))).toList());
        counts.put("secteur", reference.sectors().stream().filter(s -> bySector.containsKey(s.code()) || query.hasSector(s.code()))
            .map(s -> new Count(s.code(), s.label(), bySector.getOrDefault(s.code(), 0L), query.hasSector(s.code()))).toList());
        List<Count> quarters = new ArrayList<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            int q = quarter;
            quarters.add(new Count(String.valueOf(q), q == 1 ? "1er trimestre" : q + "e trimestre",
                others.stream().filter(f -> f.quarter() == q && facets.sector(f) && facets.band(f)).count(), query.hasQuarter(q)));
        }
        counts.put("trimestre", quarters);
        Map<AmountBand, Long> byBand = new EnumMap<>(AmountBand.class);
        others.stream().filter(f -> facets.sector(f) && facets.quarter(f)).forEach(f -> byBand.merge(AmountBand.of(f.amount()), 1L, Long::sum));
        counts.put("montant", java.util.Arrays.stream(AmountBand.values())
            .map(b -> new Count(b.name(), b.label(), byBand.getOrDefault(b, 0L), query.hasBand(b))).toList());
        counts.put("reserve", List.of(new Count("oui", "Marchés réservés (SIAE, ESAT/EA, ESS)",
            facts.stream().filter(f -> f.reservation().reserved()).count(), query.reservedOnly())));
        counts.put("consideration", List.of(
            new Count("sociale", "Considération sociale", facts.stream().filter(ProgrammingRepository.Facts::social).count(), query.socialOnly()),
            new Count("environnementale", "Considération environnementale",
                facts.stream().filter(ProgrammingRepository.Facts::environmental).count(), query.environmentalOnly())));
        return counts;
    }

    /** A code (commune, EPCI/EPT, département) or a commune's name or postcode. */
    private Optional<Place> resolvePlace(String typed) {
        Optional<Place> code = Place.parse(typed, territories);
        if (code.isPresent()) {
            return code;
        }
        List<Commune> communes = territories.findCommunes(typed, 2);
        String wanted = TextFolding.words(typed);
        return communes.stream().filter(c -> c.normalisedName().equals(wanted) || c.postcodes().contains(typed)).findFirst()
            .or(() -> communes.size() == 1 ? Optional.of(communes.get(0)) : Optional.empty())
            .map(c -> new Place(Place.Kind.COMMUNE, c.code()));
    }

    private static List<String> values(@Nullable List<String> typed) {
        return typed == null ? List.of() : typed.stream().filter(v -> v != null && !v.isBlank()).map(v -> v.strip())
            .distinct().limit(100).toList();
    }

    private static int number(@Nullable String typed, int fallback, int min, int max) {
        try {
            return typed == null || typed.isBlank() ? fallback : Math.max(min, Math.min(max, Integer.parseInt(typed.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
