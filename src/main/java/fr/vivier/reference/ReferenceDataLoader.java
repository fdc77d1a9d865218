package fr.vivier.reference;

import fr.vivier.shared.SecretTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loads src/main/resources/reference/*.csv into PostgreSQL at start-up, each file only when its checksum
 * changed. Rows are upserted, never deleted, because suppliers and purchases point at them.
 */
@Singleton
@Requires(property = "vivier.reference.load", notEquals = "false")
class ReferenceDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataLoader.class);

    /** One CSV file: its table, its columns (CSV header = column name) and how to read them. */
    private record Dataset(String file, String table, String key, List<Column> columns) { }

    private record Column(String csv, String sql, int type) {
        static Column text(String name) { return new Column(name, name, Types.VARCHAR); }
        static Column nullable(String name) { return new Column(name, name, Types.NULL); }
        static Column integer(String name) { return new Column(name, name, Types.INTEGER); }
        static Column bool(String name) { return new Column(name, name, Types.BOOLEAN); }
        static Column position() { return new Column(null, "position", Types.INTEGER); }
    }

    private static final List<Dataset> DATASETS = List.of(
        new Dataset("regions.csv", "region", "code", List.of(Column.text("code"), Column.text("name"))),
        new Dataset("departements.csv", "departement", "code",
            List.of(Column.text("code"), Column.text("name"), Column.text("region_code"))),
        new Dataset("epci.csv", "epci", "code", List.of(Column.text("code"), Column.text("name"), Column.text("kind"))),
        new Dataset("communes.csv", "commune", "code", List.of(Column.text("code"), Column.text("name"),
            Column.text("departement_code"), Column.text("region_code"), Column.nullable("epci_code"),
            Column.nullable("ept_code"), Column.integer("population"), Column.text("postcodes"))),
        new Dataset("naf.csv", "naf", "code",
            List.of(Column.text("code"), Column.text("label"), Column.text("level"), Column.nullable("parent_code"))),
        new Dataset("labels.csv", "label", "code", List.of(Column.text("code"), Column.text("label"),
            Column.text("description"), Column.text("category"), Column.bool("can_expire"), Column.position())));

    private final DataSource dataSource;

    ReferenceDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        try {
            Connection connection = dataSource.getConnection(); // the transaction's connection, closed with it
            // One loader at a time when several instances start together.
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(724001)")) {
                lock.execute();
            }
            for (Dataset dataset : DATASETS) {
                loadIfChanged(connection, dataset);
            }
            loadSectorsIfChanged(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Chargement des données de référence impossible", e);
        }
    }

    private void loadIfChanged(Connection connection, Dataset dataset) throws SQLException {
        String content = read(dataset.file());
        String checksum = SecretTokens.sha256(content);
        if (checksum.equals(storedChecksum(connection, dataset.file()))) {
            return;
        }
        List<CSVRecord> records = parse(content);
        String columns = dataset.columns().stream().map(Column::sql).collect(Collectors.joining(", "));
        String placeholders = dataset.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        String updates = dataset.columns().stream().filter(c -> !c.sql().equals(dataset.key()))
            .map(c -> c.sql() + " = EXCLUDED." + c.sql()).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + dataset.table() + " (" + columns + ") VALUES (" + placeholders + ") ON CONFLICT ("
            + dataset.key() + ") DO UPDATE SET " + updates;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int position = 0;
            for (CSVRecord record : records) {
                bind(insert, dataset.columns(), record, position++);
                insert.addBatch();
                if (position % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        storeChecksum(connection, dataset.file(), checksum);
        LOG.info("reference data {}: {} rows loaded", dataset.file(), records.size());
    }

    /** sectors.csv holds both the groups and the sectors (one line per sector). */
    private void loadSectorsIfChanged(Connection connection) throws SQLException {
        String content = read("sectors.csv");
        String checksum = SecretTokens.sha256(content);
        if (checksum.equals(storedChecksum(connection, "sectors.csv"))) {
            return;
        }
        List<CSVRecord> records = parse(content);
        try (PreparedStatement group = connection.prepareStatement("""
                INSERT INTO sector_group (code, label, position) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position""");
             PreparedStatement sector = connection.prepareStatement("""
                INSERT INTO sector (code, label, group_code, naf_prefixes, cpv_prefixes, position) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, group_code = EXCLUDED.group_code,
                  naf_prefixes = EXCLUDED.naf_prefixes, cpv_prefixes = EXCLUDED.cpv_prefixes, position = EXCLUDED.position""")) {
            List<String> groupsSeen = new java.util.ArrayList<>();
            int position = 0;
            for (CSVRecord record : records) {
                String groupCode = record.get("group_code");
                if (!groupsSeen.contains(groupCode)) {
                    groupsSeen.add(groupCode);
                    group.setString(1, groupCode);
                    group.setString(2, record.get("group_label"));
                    group.setInt(3, groupsSeen.size());
                    group.executeUpdate();
                }
                sector.setString(1, record.get("code"));
                sector.setString(2, record.get("label"));
                sector.setString(3, groupCode);
                sector.setString(4, record.get("naf_prefixes"));
                sector.setString(5, record.get("cpv_prefixes"));
                sector.setInt(6, position++);
                sector.addBatch();
            }
            sector.executeBatch();
        }
        storeChecksum(connection, "sectors.csv", checksum);
        LOG.info("reference data sectors.csv: {} sectors loaded", records.size());
    }

    private static void bind(PreparedStatement statement, List<Column> columns, CSVRecord record, int position) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int index = i + 1;
            if (column.csv() == null) {
                statement.setInt(index, position);
                continue;
            }
            String value = record.get(column.csv());
            switch (column.type()) {
                case Types.INTEGER -> statement.setInt(index, value.isBlank() ? 0 : Integer.parseInt(value.trim()));
                case Types.BOOLEAN -> statement.setBoolean(index, Boolean.parseBoolean(value.trim()));
                case Types.NULL -> statement.setString(index, value.isBlank() ? null : value);
                default -> statement.setString(index, value);
            }
        }
    }

    private static String storedChecksum(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT checksum FROM reference_version WHERE dataset = ?")) {
            select.setString(1, dataset);
            try (var result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static void storeChecksum(Connection connection, String dataset, String checksum) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO reference_version (dataset, checksum, loaded_at) VALUES (?, ?, now())
                ON CONFLICT (dataset) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()""")) {
            upsert.setString(1, dataset);
            upsert.setString(2, checksum);
            upsert.executeUpdate();
        }
    }

    private static String read(String file) {
        try (InputStream in = ReferenceDataLoader.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Fichier de référence absent : reference/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> parse(String content) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(content))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
