package fr.vivier.reference;

import fr.vivier.shared.TextFolding;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reference data for the other features (sectors, labels, communes and the territories above them, the
 * authority's own territory), held in memory: it changes only with a new release. Code checks for validation, and
 * the one way a commune typed by a person is understood.
 */
@Singleton
public class ReferenceData {
    private static final Pattern WITH_DEPARTEMENT = Pattern.compile("^(.+?)\\s*\\((\\w{2,3})\\)$");
    private static final int MAX_TYPED = 100;
    private static final int MAX_CANDIDATES = 30;

    private final ReferenceRepositories.SectorGroups groups;
    private final ReferenceRepositories.Sectors sectors;
    private final ReferenceRepositories.Labels labels;
    private final ReferenceRepositories.Communes communes;
    private final ReferenceRepositories.Areas areas;
    private final TerritoryConfiguration territory;
    private volatile Snapshot snapshot;

    private record Snapshot(List<SectorGroup> sectorGroups, List<Sector> sectors, List<Label> labels, Map<String, Commune> communes,
                            Map<String, String> epci, Map<String, String> departements, Map<String, String> regions,
                            Set<String> sectorCodes, Set<String> labelCodes) { }

    ReferenceData(ReferenceRepositories.SectorGroups groups, ReferenceRepositories.Sectors sectors, ReferenceRepositories.Labels labels,
                  ReferenceRepositories.Communes communes, ReferenceRepositories.Areas areas, TerritoryConfiguration territory) {
        this.groups = groups;
        this.sectors = sectors;
        this.labels = labels;
        this.communes = communes;
        this.areas = areas;
        this.territory = territory;
    }

    /** Runs after the reference data is loaded (ReferenceDataLoader listens to the same event first). */
    @EventListener
    @Order(100)
    void onStartup(StartupEvent event) {
        Map<String, String> departementNames = names(areas.findDepartements());
        Map<String, Commune> byCode = communes.findAll().stream().map(row -> row.toCommune(departementNames))
            .collect(Collectors.toUnmodifiableMap(Commune::code, Function.identity()));
        List<Sector> allSectors = sectors.listOrderByPosition();
        List<Label> allLabels = labels.listOrderByPosition();
        snapshot = new Snapshot(groups.listOrderByPosition(), allSectors, allLabels, byCode, names(areas.findEpci()),
            departementNames, names(areas.findRegions()), allSectors.stream().map(Sector::code).collect(Collectors.toUnmodifiableSet()),
            allLabels.stream().map(Label::code).collect(Collectors.toUnmodifiableSet()));
    }

    public List<SectorGroup> sectorGroups() {
        return snapshot().sectorGroups();
    }

    public List<Sector> sectors() {
        return snapshot().sectors();
    }

    public Map<String, SectorGroup> sectorGroupsByCode() {
        Map<String, SectorGroup> byCode = new LinkedHashMap<>();
        sectorGroups().forEach(group -> byCode.put(group.code(), group));
        return byCode;
    }

    /** Sectors grouped by their group code, in taxonomy order. */
    public Map<String, List<Sector>> sectorsByGroup() {
        Map<String, List<Sector>> byGroup = new LinkedHashMap<>();
        sectors().forEach(sector -> byGroup.computeIfAbsent(sector.groupCode(), code -> new ArrayList<>()).add(sector));
        return byGroup;
    }

    /** The taxonomy as forms list it: each group with its sectors, in order. */
    public List<SectorFamily> sectorFamilies() {
        Map<String, List<Sector>> byGroup = sectorsByGroup();
        return sectorGroups().stream().map(group -> new SectorFamily(group.label(), byGroup.getOrDefault(group.code(), List.of()))).toList();
    }

    public List<Label> labels() {
        return snapshot().labels();
    }

    public Optional<Commune> commune(@Nullable String code) {
        return Optional.ofNullable(code == null ? null : snapshot().communes().get(code));
    }

    public Collection<Commune> communes() {
        return snapshot().communes().values();
    }

    public int communeCount() {
        return snapshot().communes().size();
    }

    public boolean epciExists(String code) { return snapshot().epci().containsKey(code); }
    public boolean departementExists(String code) { return snapshot().departements().containsKey(code); }
    public boolean regionExists(String code) { return snapshot().regions().containsKey(code); }
    public boolean sectorExists(String code) { return snapshot().sectorCodes().contains(code); }
    public boolean labelExists(String code) { return snapshot().labelCodes().contains(code); }
    public String epciName(String code) { return snapshot().epci().getOrDefault(code, code); }
    public String departementName(String code) { return snapshot().departements().getOrDefault(code, code); }
    public String regionName(String code) { return snapshot().regions().getOrDefault(code, code); }
    public Map<String, String> departements() { return snapshot().departements(); }
    public Map<String, String> regions() { return snapshot().regions(); }

    /** « Implanté sur notre territoire »: the commune, its EPCI or EPT, or its département is one of the authority's codes. */
    public boolean onTerritory(Commune commune) {
        return territory.getCodes().stream().anyMatch(code -> code.equals(commune.code()) || code.equals(commune.epciCode())
            || code.equals(commune.eptCode()) || code.equals(commune.departementCode()));
    }

    /**
     * Communes matching what a person typed: an INSEE code, a postcode, or a name (accents, case and hyphens ignored).
     * Exact names first, then names starting with the text; within each, the authority's territory first, then the most
     * populated. At most {@code limit}.
     */
    public List<Commune> findCommunes(@Nullable String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String text = query.strip();
        String code = text.toUpperCase(Locale.ROOT);
        List<Commune> exact = new ArrayList<>();
        List<Commune> prefix = new ArrayList<>();
        String wanted = TextFolding.words(text);
        // « 48190 » is both the INSEE code of a commune and the postcode of others: all of them are meant
        for (Commune commune : snapshot().communes().values()) {
            if (commune.code().equals(code) || commune.postcodes().contains(text) || commune.normalisedName().equals(wanted)) {
                exact.add(commune);
            } else if (wanted.length() >= 2 && commune.normalisedName().startsWith(wanted)) {
                prefix.add(commune);
            }
        }
        exact.sort(ranking());
        prefix.sort(ranking());
        exact.addAll(prefix);
        return exact.size() > limit ? List.copyOf(exact.subList(0, limit)) : exact;
    }

    /**
     * The commune a person typed ({@code typed}), or chose ({@code chosenCode}) in the list of homonyms offered for that
     * text: the only match, or the only exact match (same name, postcode or INSEE code) among several; among several exact ones
     * (« Montreuil »), the chosen one, if it is one of them (a choice counts only for the text it was offered for: a
     * commune typed anew is looked up anew); otherwise the error and the candidates, the authority's territory first,
     * nothing guessed. A chosen code with nothing typed is taken as is.
     *
     * @param whenMissing the error when nothing was typed, saying which commune is meant
     */
    public CommuneChoice resolveCommune(@Nullable String chosenCode, @Nullable String typed, String whenMissing) {
        String chosen = chosenCode == null ? "" : chosenCode.strip();
        if (typed == null || typed.isBlank()) {
            return commune(chosen).map(CommuneChoice::of).orElseGet(() -> CommuneChoice.refused(whenMissing));
        }
        String text = typed.strip();
        if (text.length() > MAX_TYPED) {
            return CommuneChoice.refused("Ce champ ne doit pas dépasser " + MAX_TYPED + " caractères.");
        }
        List<Commune> found = candidates(text);
        if (found.isEmpty()) {
            return CommuneChoice.refused("Aucune commune ne correspond à « " + text + " » : vérifiez le nom ou le code postal.");
        }
        if (found.size() == 1) {
            return CommuneChoice.of(found.get(0));
        }
        return found.stream().filter(c -> c.code().equals(chosen)).findFirst().map(CommuneChoice::of)
            .orElseGet(() -> new CommuneChoice(null, found,
                "Plusieurs communes correspondent à « " + text + " » : choisissez la vôtre dans la liste."));
    }

    /**
     * The communes a person may have meant: those whose name or postcode is exactly the text when there are some
     * (« Montreuil »: the three Montreuil, not Montreuil-Bellay), else the names starting with it.
     */
    private List<Commune> candidates(String text) {
        List<Commune> found = matching(text);
        String wanted = TextFolding.words(text);
        List<Commune> exact = found.stream().filter(c -> c.normalisedName().equals(wanted) || c.postcodes().contains(text)
            || c.code().equalsIgnoreCase(text)).toList();
        return exact.isEmpty() ? found : exact;
    }

    /** The territory's communes first, then the most populated: « Montreuil » near Paris before Montreuil (62). */
    private Comparator<Commune> ranking() {
        return Comparator.comparing((Commune c) -> !onTerritory(c))
            .thenComparing(Comparator.comparingInt(Commune::population).reversed())
            .thenComparing(Commune::name).thenComparing(Commune::code);
    }

    /** « Saint-Denis (93) », as the pages display a commune, is the one of that département. */
    private List<Commune> matching(String text) {
        Matcher withDepartement = WITH_DEPARTEMENT.matcher(text);
        if (withDepartement.matches()) {
            String name = TextFolding.words(withDepartement.group(1));
            List<Commune> inDepartement = findCommunes(withDepartement.group(1), MAX_CANDIDATES).stream()
                .filter(c -> c.departementCode().equalsIgnoreCase(withDepartement.group(2)) && c.normalisedName().equals(name))
                .sorted(ranking()).toList();
            if (!inDepartement.isEmpty()) {
                return inDepartement;
            }
        }
        return findCommunes(text, MAX_CANDIDATES);
    }

    private static Map<String, String> names(List<ReferenceRepositories.Area> areas) {
        return areas.stream().collect(Collectors.toUnmodifiableMap(ReferenceRepositories.Area::code, ReferenceRepositories.Area::name));
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            throw new IllegalStateException("Données de référence pas encore chargées");
        }
        return current;
    }
}
