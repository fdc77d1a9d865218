package fr.vivier.purchases;

import fr.vivier.programming.Vocabulary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The indicators' aggregates over purchases: the year's records (index purchase_notified, or purchase_direction for a
 * direction) with their holders' frozen attributes folded into one row per record, then one FILTER per measure,
 * grouped by quarter. One pass over the year, whatever the number of measures.
 */
@Singleton
class PurchaseFiguresRepository {
    /** The year's records of the scope, each with its holders' flags (null when no holder says: « non renseigné »). */
    private static final String RECORDS = """
        FROM purchase p LEFT JOIN LATERAL (
          SELECT bool_or(x.size IN ('TPE', 'PME')) AS sme, bool_or(x.size IS NULL) AS sme_unknown,
                 bool_or(x.on_territory) AS local, bool_or(x.on_territory IS NULL) AS local_unknown,
                 bool_or(x.ess) AS ess, bool_or(x.ess IS NULL) AS ess_unknown,
                 bool_or(x.family IN ('SIAE', 'STPA')) AS inclusive, bool_or(x.family IS NULL) AS inclusive_unknown
          FROM purchase_party x WHERE x.purchase_id = p.id AND x.role = 'HOLDER') h ON TRUE
        WHERE p.notified_on >= ? AND p.notified_on < ?
          AND (CAST(? AS text) IS NULL OR lower(p.direction) = lower(CAST(? AS text)))""";
    private static final String QUARTER = " AND (CAST(? AS int) IS NULL OR extract(quarter FROM p.notified_on) = CAST(? AS int)) AND ";

    private final JdbcOperations jdbc;

    PurchaseFiguresRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<PurchaseFigures.Quarter> byQuarter(int year, @Nullable String direction) {
        PurchaseFigures.Measure[] measures = PurchaseFigures.Measure.values();
        String aggregates = java.util.Arrays.stream(measures).map(measure -> "count(*) FILTER (WHERE " + measure.condition()
            + "), COALESCE(sum(p.amount) FILTER (WHERE " + measure.condition() + "), 0)").collect(Collectors.joining(",\n"));
        return jdbc.prepareStatement("SELECT CAST(extract(quarter FROM p.notified_on) AS int), COALESCE(sum(p.insertion_hours_achieved), 0),\n"
            + aggregates + "\n" + RECORDS + "\nGROUP BY 1 ORDER BY 1", statement -> {
                bindScope(statement, year, direction);
                List<PurchaseFigures.Quarter> quarters = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Map<PurchaseFigures.Measure, PurchaseFigures.Share> shares = new EnumMap<>(PurchaseFigures.Measure.class);
                        int column = 3;
                        for (PurchaseFigures.Measure measure : measures) {
                            shares.put(measure, new PurchaseFigures.Share(rows.getLong(column), rows.getBigDecimal(column + 1)));
                            column += 2;
                        }
                        quarters.add(new PurchaseFigures.Quarter(rows.getInt(1), shares, rows.getLong(2)));
                    }
                }
                return quarters;
            });
    }

    long recordCount(int year, @Nullable Integer quarter, @Nullable String direction, PurchaseFigures.Measure measure) {
        return jdbc.prepareStatement("SELECT count(*) " + RECORDS + QUARTER + measure.condition(), statement -> {
            bindScope(statement, year, direction);
            statement.setObject(5, quarter);
            statement.setObject(6, quarter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Read through a cursor (inside the caller's transaction), so that every record of a large year streams. */
    void records(int year, @Nullable Integer quarter, @Nullable String direction, PurchaseFigures.Measure measure, long offset,
                 @Nullable Long limit, Consumer<PurchaseFigures.Record> each) {
        jdbc.prepareStatement("SELECT p.id, p.reference, p.object, p.direction, p.notified_on, p.amount, p.procedure " + RECORDS
            + QUARTER + measure.condition() + " ORDER BY p.notified_on, p.id OFFSET ? LIMIT CAST(? AS bigint)", statement -> {
                bindScope(statement, year, direction);
                statement.setObject(5, quarter);
                statement.setObject(6, quarter);
                statement.setLong(7, offset);
                statement.setObject(8, limit);
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        each.accept(new PurchaseFigures.Record(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getDate(5).toLocalDate(), rows.getBigDecimal(6), procedureLabel(rows.getString(7))));
                    }
                }
                return null;
            });
    }

    private static String procedureLabel(String stored) {
        try {
            return Vocabulary.Procedure.valueOf(stored).label();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    private static void bindScope(PreparedStatement statement, int year, @Nullable String direction) throws SQLException {
        statement.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
        statement.setDate(2, Date.valueOf(LocalDate.of(year + 1, 1, 1)));
        statement.setString(3, direction);
        statement.setString(4, direction);
    }
}
