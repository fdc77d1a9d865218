package fr.vivier.reference;

import fr.vivier.shared.JobLocks;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private enum Type { TEXT, NULLABLE_TEXT, INTEGER, BOOLEAN, POSITION }

    private record Column(String name, Type type) {
        static Column text(String name) { return new Column(name, Type.TEXT); }
        static Column nullable(String name) { return new Column(name, Type.NULLABLE_TEXT); }
        static Column integer(String name) { return new Column(name, Type.INTEGER); }
        static Column bool(String name) { return new Column(name, Type.BOOLEAN); }
        static Column position() { return new Column("position", Type.POSITION); }

        /** The value of this column for the record at this position of the file. */
        Object value(CSVRecord record, int position) {
            if (type == Type.POSITION) {
                return position;
            }
            String value = record.get(name);
            return switch (type) {
                case INTEGER -> value.isBlank() ? 0 : Integer.parseInt(value.trim());
                case BOOLEAN -> Boolean.parseBoolean(value.trim());
                case NULLABLE_TEXT -> value.isBlank() ? null : value;
                default -> value;
            };
        }
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

    private final ReferenceLoadRepository repository;
    private final JobLocks locks;

    ReferenceDataLoader(ReferenceLoadRepository repository, JobLocks locks) {
        this.repository = repository;
        this.locks = locks;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        // one loader at a time when several instances start together
        locks.take("reference-data");
        for (Dataset dataset : DATASETS) {
            loadIfChanged(dataset);
        }
        loadSectorsIfChanged();
    }

    private void loadIfChanged(Dataset dataset) {
        String content = read(dataset.file());
        String checksum = SecretTokens.sha256(content);
        if (checksum.equals(repository.checksum(dataset.file()))) {
            return;
        }
        List<CSVRecord> records = parse(content);
        List<List<Object>> rows = new ArrayList<>();
        for (int position = 0; position < records.size(); position++) {
            CSVRecord record = records.get(position);
            int at = position;
            rows.add(dataset.columns().stream().map(column -> column.value(record, at)).toList());
        }
        repository.upsert(dataset.table(), dataset.key(), dataset.columns().stream().map(Column::name).toList(), rows);
        repository.saveChecksum(dataset.file(), checksum);
        LOG.info("reference data {}: {} rows loaded", dataset.file(), records.size());
    }

    /** sectors.csv holds both the groups and the sectors (one line per sector). */
    private void loadSectorsIfChanged() {
        String content = read("sectors.csv");
        String checksum = SecretTokens.sha256(content);
        if (checksum.equals(repository.checksum("sectors.csv"))) {
            return;
        }
        List<CSVRecord> records = parse(content);
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        List<List<Object>> sectors = new ArrayList<>();
        for (CSVRecord record : records) {
            String groupCode = record.get("group_code");
            groups.computeIfAbsent(groupCode, code -> List.of(code, record.get("group_label"), groups.size() + 1));
            sectors.add(List.of(record.get("code"), record.get("label"), groupCode, record.get("naf_prefixes"),
                record.get("cpv_prefixes"), sectors.size()));
        }
        repository.upsert("sector_group", "code", List.of("code", "label", "position"), List.copyOf(groups.values()));
        repository.upsert("sector", "code", List.of("code", "label", "group_code", "naf_prefixes", "cpv_prefixes", "position"), sectors);
        repository.saveChecksum("sectors.csv", checksum);
        LOG.info("reference data sectors.csv: {} sectors loaded", records.size());
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
