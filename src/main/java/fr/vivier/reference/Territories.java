package fr.vivier.reference;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The territories and the sector and label codes, held in memory (they change only with a new release):
 * code checks for validation, commune lookup by name or postcode for the forms.
 */
@Singleton
public class Territories {
    /** « Montreuil (93) », as the pages display a commune and as people may type it back. */
    private static final Pattern WITH_DEPARTEMENT = Pattern.compile("^(.+?)\\s*\\((\\w{2,3})\\)$");

    private final DataSource dataSource;
    private final List<String> territoryCodes;
    private volatile Snapshot snapshot;

    public record CommuneEntry(String code, String name, String departementCode, String regionCode, String epciCode,
                               String eptCode, List<String> postcodes, String normalisedName, int population,
                               String departementName) {
        /** Unambiguous, and read back by {@link #findCommunes}: « Montreuil (93) ». */
        public String displayName() {
            return name + " (" + departementCode + ")";
        }

        /** How a list of homonyms offers it: « Montreuil — Seine-Saint-Denis (93), 93100 ». */
        public String choiceLabel() {
            return name + " — " + departementName + " (" + departementCode + ")"
                + (postcodes.isEmpty() ? "" : ", " + String.join(", ", postcodes));
        }
    }

    private record Snapshot(Map<String, CommuneEntry> communes, Map<String, String> epci, Map<String, String> departements,
                            Map<String, String> regions, Set<String> sectors, Set<String> labels) { }

    /** @param territoryCodes the authority's territory (vivier.territory.codes), whose communes come first in choices */
    Territories(DataSource dataSource, @Property(name = "vivier.territory.codes") List<String> territoryCodes) {
        this.dataSource = dataSource;
        this.territoryCodes = List.copyOf(territoryCodes);
    }

    /** Runs after the reference data is loaded (ReferenceDataLoader listens to the same event first). */
    @EventListener
    @Order(100)
    @io.micronaut.data.connection.annotation.Connectable
    void onStartup(StartupEvent event) {
        reload();
    }

    @io.micronaut.data.connection.annotation.Connectable
    public void reload() {
        try {
            Connection connection = dataSource.getConnection();
            Map<String, String> departements = names(connection, "departement");
            Map<String, CommuneEntry> communes = new HashMap<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT code, name, departement_code, region_code, epci_code, ept_code, postcodes, population FROM commune")) {
                while (rows.next()) {
                    String postcodes = rows.getString(7);
                    communes.put(rows.getString(1), new CommuneEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6),
                        postcodes.isBlank() ? List.of() : List.of(postcodes.split(" ")), normalise(rows.getString(2)),
                        rows.getInt(8), departements.getOrDefault(rows.getString(3), rows.getString(3))));
                }
            }
            snapshot = new Snapshot(Map.copyOf(communes), names(connection, "epci"), departements,
                names(connection, "region"), codes(connection, "sector"), codes(connection, "label"));
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des territoires impossible", e);
        }
    }

    public Optional<CommuneEntry> commune(String code) {
        return Optional.ofNullable(code == null ? null : snapshot().communes().get(code));
    }

    public boolean epciExists(String code) { return snapshot().epci().containsKey(code); }
    public boolean departementExists(String code) { return snapshot().departements().containsKey(code); }
    public boolean regionExists(String code) { return snapshot().regions().containsKey(code); }
    public boolean sectorExists(String code) { return snapshot().sectors().contains(code); }
    public boolean labelExists(String code) { return snapshot().labels().contains(code); }
    public String epciName(String code) { return snapshot().epci().getOrDefault(code, code); }
    public String departementName(String code) { return snapshot().departements().getOrDefault(code, code); }
    public String regionName(String code) { return snapshot().regions().getOrDefault(code, code); }
    public Map<String, String> departements() { return snapshot().departements(); }
    public Map<String, String> regions() { return snapshot().regions(); }

    /**
     * Communes matching what a person typed: an INSEE code, a postcode, a name (accents, case and hyphens
     * ignored), or a name with its département as the pages display it, « Montreuil (93) ». Exact names first,
     * then names starting with the text; within each, the authority's territory first, then the most populated.
     * At most {@code limit}.
     */
    public List<CommuneEntry> findCommunes(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String text = query.strip();
        Snapshot data = snapshot();
        if (data.communes().containsKey(text.toUpperCase(Locale.ROOT))) {
            return List.of(data.communes().get(text.toUpperCase(Locale.ROOT)));
        }
        Matcher withDepartement = WITH_DEPARTEMENT.matcher(text);
        if (withDepartement.matches()) {
            String name = normalise(withDepartement.group(1));
            List<CommuneEntry> inDepartement = data.communes().values().stream()
                .filter(c -> c.departementCode().equalsIgnoreCase(withDepartement.group(2)) && c.normalisedName().equals(name))
                .sorted(ranking()).toList();
            if (!inDepartement.isEmpty()) {
                return inDepartement;
            }
        }
        List<CommuneEntry> exact = new ArrayList<>();
        List<CommuneEntry> prefix = new ArrayList<>();
        String wanted = normalise(text);
        for (CommuneEntry commune : data.communes().values()) {
            if (commune.postcodes().contains(text) || commune.normalisedName().equals(wanted)) {
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
     * The communes a person may have meant by what they typed: those whose name or postcode is exactly the text
     * when there are some (« Montreuil »: the three Montreuil, not Montreuil-Bellay), else the names starting with it;
     * ranked like {@link #findCommunes}. One result means the commune is known; several must be chosen from.
     */
    public List<CommuneEntry> candidates(String query, int limit) {
        List<CommuneEntry> found = findCommunes(query, limit);
        String text = query == null ? "" : query.strip();
        List<CommuneEntry> exact = found.stream()
            .filter(c -> c.normalisedName().equals(normalise(text)) || c.postcodes().contains(text)).toList();
        return exact.isEmpty() ? found : exact;
    }

    /** Whether the commune lies in the authority's territory (one of its codes is the commune, its EPCI/EPT or département). */
    public boolean onTerritory(CommuneEntry commune) {
        return territoryCodes.stream().anyMatch(code -> code.equals(commune.code()) || code.equals(commune.epciCode())
            || code.equals(commune.eptCode()) || code.equals(commune.departementCode()));
    }

    private Comparator<CommuneEntry> ranking() {
        return Comparator.comparing((CommuneEntry c) -> !onTerritory(c))
            .thenComparing(Comparator.comparingInt(CommuneEntry::population).reversed())
            .thenComparing(CommuneEntry::name).thenComparing(CommuneEntry::code);
    }

    public static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
            .replace("œ", "oe").replace("Œ", "oe").toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^a-z0-9]+", " ").strip().replaceAll("^(saint|sainte) ", "$1 ");
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            throw new IllegalStateException("Territoires pas encore chargés");
        }
        return current;
    }

    private static Map<String, String> names(Connection connection, String table) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT code, name FROM " + table)) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return Map.copyOf(names);
    }

    private static Set<String> codes(Connection connection, String table) throws SQLException {
        Set<String> codes = new java.util.HashSet<>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT code FROM " + table)) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return Set.copyOf(codes);
    }
}
