package fr.vivier.bench;

import fr.vivier.search.SearchQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: the same search done in PostgreSQL as Le Marché de l'Inclusion does it, every word matched
 * with ILIKE '%word%' on the name, trade name or description (trigram GIN indexes), filters with EXISTS, and
 * the facet counts with GROUP BY over the matching set (one round trip: hits, total and five facets).
 * Simplifications in PostgreSQL's favour: facet counts ignore multi-select (one GROUP BY on the filtered set
 * instead of one filtered set per facet), results are sorted by name (no relevance score), no highlighting.
 */
final class PostgresSearch implements LoadRunner.Client {
    /** Indexes a reasonable PostgreSQL implementation would have; created in the bench database only. */
    static final List<String> SETUP = List.of(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX IF NOT EXISTS bench_supplier_name_trgm ON supplier USING gin (name gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS bench_supplier_trade_name_trgm ON supplier USING gin (trade_name gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS bench_supplier_description_trgm ON supplier USING gin (description gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS bench_supplier_area_code ON supplier_area (area_type, area_code)",
        "CREATE INDEX IF NOT EXISTS bench_supplier_label_code ON supplier_label (label_code)",
        "ANALYZE");

    private final Connection connection;

    PostgresSearch(Connection connection) {
        this.connection = connection;
    }

    static void setUp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : SETUP) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public boolean search(QueryMix.BenchQuery bench) throws SQLException {
        SearchQuery query = bench.query();
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("s.status = 'PUBLISHED'");
        if (query.hasText()) {
            for (String word : query.text().strip().split("\\s+")) {
                where.append(" AND (s.name ILIKE ? OR s.trade_name ILIKE ? OR s.description ILIKE ?)");
                String pattern = "%" + word + "%";
                parameters.add(pattern);
                parameters.add(pattern);
                parameters.add(pattern);
            }
        }
        if (!query.sectorGroups().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM supplier_sector ss JOIN sector sc ON sc.code = ss.sector_code"
                + " WHERE ss.supplier_id = s.id AND sc.group_code = ANY (?))");
            parameters.add(query.sectorGroups().toArray(String[]::new));
        }
        if (!query.sectors().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM supplier_sector ss WHERE ss.supplier_id = s.id AND ss.sector_code = ANY (?))");
            parameters.add(query.sectors().toArray(String[]::new));
        }
        if (!query.labels().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM supplier_label sl WHERE sl.supplier_id = s.id AND sl.label_code = ANY (?)"
                + " AND (sl.expires_on IS NULL OR sl.expires_on >= current_date))");
            parameters.add(query.labels().toArray(String[]::new));
        }
        if (!query.kinds().isEmpty()) {
            where.append(" AND s.kind = ANY (?)");
            parameters.add(query.kinds().stream().flatMap(f -> QueryMix.kindsOf(f).stream()).toArray(String[]::new));
        }
        if (!query.sizes().isEmpty()) {
            where.append(" AND s.size = ANY (?)");
            parameters.add(query.sizes().toArray(String[]::new));
        }
        if (query.commune() != null) {
            where.append("""
                 AND EXISTS (SELECT 1 FROM supplier_area a JOIN commune c ON c.code = ? WHERE a.supplier_id = s.id AND (
                   (a.area_type = 'COMMUNE' AND a.area_code = c.code) OR (a.area_type = 'EPCI' AND a.area_code IN (c.epci_code, c.ept_code))
                   OR (a.area_type = 'DEPARTEMENT' AND a.area_code = c.departement_code)
                   OR (a.area_type = 'REGION' AND a.area_code = c.region_code) OR a.area_type = 'NATIONAL'))""");
            parameters.add(query.commune());
        }
        String sql = """
            WITH matched AS MATERIALIZED (SELECT s.id, s.name, s.kind, s.size FROM supplier s WHERE %s)
            (SELECT 'hit' AS facet, id::text AS code, name, 0::bigint AS count FROM matched ORDER BY name LIMIT ?)
            UNION ALL SELECT 'total', NULL, NULL, count(*) FROM matched
            UNION ALL SELECT 'kind', kind, NULL, count(*) FROM matched GROUP BY kind
            UNION ALL SELECT 'size', size, NULL, count(*) FROM matched GROUP BY size
            UNION ALL SELECT 'sector', ss.sector_code, NULL, count(*) FROM matched m JOIN supplier_sector ss ON ss.supplier_id = m.id
              GROUP BY ss.sector_code
            UNION ALL SELECT 'sectorGroup', sc.group_code, NULL, count(DISTINCT m.id) FROM matched m
              JOIN supplier_sector ss ON ss.supplier_id = m.id JOIN sector sc ON sc.code = ss.sector_code GROUP BY sc.group_code
            UNION ALL SELECT 'label', sl.label_code, NULL, count(*) FROM matched m JOIN supplier_label sl ON sl.supplier_id = m.id
              AND (sl.expires_on IS NULL OR sl.expires_on >= current_date) GROUP BY sl.label_code""".formatted(where);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof String[] array) {
                    statement.setArray(index++, connection.createArrayOf("varchar", array));
                } else {
                    statement.setString(index++, (String) parameter);
                }
            }
            statement.setInt(index, query.pageSize());
            try (ResultSet rows = statement.executeQuery()) {
                int count = 0;
                while (rows.next()) {
                    count++;
                }
                return count > 0;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
