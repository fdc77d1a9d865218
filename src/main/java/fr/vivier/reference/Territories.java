package fr.vivier.reference;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The territories and the sector and label codes, held in memory (they change only with a new release):
 * code checks for validation, commune lookup by name or postcode for the forms.
 */
@Singleton
public class Territories {
    private final DataSource dataSource;
    private final TerritoryConfiguration territory;
    private volatile Snapshot snapshot;

    public record CommuneEntry(String code, String name, String departementCode, String regionCode, String epciCode,
                               String eptCode, List<String> postcodes, String normalisedName) {
        public String displayName() {
            return name + " (" + departementCode + ")";
        }
    }

    private record Snapshot(Map<String, CommuneEntry> communes, Map<String, String> epci, Map<String, String> departements,
                            Map<String, String> regions, Set<String> sectors, Set<String> labels) { }

    Territories(DataSource dataSource, TerritoryConfiguration territory) {
        this.dataSource = dataSource;
        this.territory = territory;
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
            Map<String, CommuneEntry> communes = new HashMap<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT code, name, departement_code, region_code, epci_code, ept_code, postcodes FROM commune")) {
                while (rows.next()) {
                    String postcodes = rows.getString(7);
                    communes.put(rows.getString(1), new CommuneEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6),
                        postcodes.isBlank() ? List.of() : List.of(postcodes.split(" ")), normalise(rows.getString(2))));
                }
            }
            snapshot = new Snapshot(Map.copyOf(communes), names(connection, "epci"), names(connection, "departement"),
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
    public java.util.Collection<CommuneEntry> communes() { return snapshot().communes().values(); }

    /** « Implanté sur notre territoire »: the commune, its EPCI or EPT, or its département is one of the authority's codes. */
    public boolean onTerritory(CommuneEntry commune) {
        return territory.getCodes().stream().anyMatch(code -> code.equals(commune.code()) || code.equals(commune.epciCode())
            || code.equals(commune.eptCode()) || code.equals(commune.departementCode()));
    }

    /**
     * Communes matching what a person typed: an INSEE code, a postcode, or a name (accents, case and
     * hyphens ignored; exact names first, then names starting with the text). At most {@code limit}.
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
        exact.sort(java.util.Comparator.comparing(CommuneEntry::name).thenComparing(CommuneEntry::code));
        prefix.sort(java.util.Comparator.comparing(CommuneEntry::name).thenComparing(CommuneEntry::code));
        exact.addAll(prefix);
        return exact.size() > limit ? List.copyOf(exact.subList(0, limit)) : exact;
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
