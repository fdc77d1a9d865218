package fr.vivier.purchases;

import fr.vivier.programming.Vocabulary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The indicators' aggregates over purchases. Each record's holders' frozen attributes are folded into one row (LATERAL
 * over purchase_party), then one FILTER per measure: one pass, whatever the number of measures. The figures are read
 * from purchase_figure_bucket (V19: one row per month and direction, a few hundred rows for a year instead of the year's
 * records); the buckets the triggers marked stale since are recomputed from the records first, in the reading
 * transaction, so a read always equals the records. Recomputing is per bucket (index purchase_direction), so a write
 * costs its month and direction, not the table.
 */
@Singleton
class PurchaseFiguresRepository {
    /** The holders' flags of the record {@code p} (null when no holder says: « non renseigné »). */
    private static final String HOLDERS = """
        LEFT JOIN LATERAL (
          SELECT bool_or(x.size IN ('TPE', 'PME')) AS sme, bool_or(x.size IS NULL) AS sme_unknown,
                 bool_or(x.on_territory) AS local, bool_or(x.on_territory IS NULL) AS local_unknown,
                 bool_or(x.ess) AS ess, bool_or(x.ess IS NULL) AS ess_unknown,
                 bool_or(x.family IN ('SIAE', 'STPA')) AS inclusive, bool_or(x.family IS NULL) AS inclusive_unknown
          FROM purchase_party x WHERE x.purchase_id = p.id AND x.role = 'HOLDER') h ON TRUE""";
    /** The year's records of the scope. */
    private static final String RECORDS = "FROM purchase p " + HOLDERS + """

        WHERE p.notified_on >= ? AND p.notified_on < ?
          AND (CAST(? AS text) IS NULL OR lower(p.direction) = lower(CAST(? AS text)))""";
    private static final String QUARTER = " AND (CAST(? AS int) IS NULL OR extract(quarter FROM p.notified_on) = CAST(? AS int)) AND ";
    private static final PurchaseFigures.Measure[] MEASURES = PurchaseFigures.Measure.values();
    private static final String RECORDS_BY_MEASURE = Arrays.stream(MEASURES).map(m -> "count(*) FILTER (WHERE " + m.condition() + ")")
        .collect(Collectors.joining(", ", "ARRAY[", "]"));
    private static final String AMOUNTS_BY_MEASURE = Arrays.stream(MEASURES)
        .map(m -> "COALESCE(sum(p.amount) FILTER (WHERE " + m.condition() + "), 0)").collect(Collectors.joining(", ", "ARRAY[", "]"));
    /** The stale buckets given (arrays of months and direction keys) recomputed from their records. */
    private static final String RECOMPUTE = """
        INSERT INTO purchase_figure_bucket (year, month, direction_key, definition, insertion_hours, records, amounts)
        SELECT ?, s.month, s.direction_key, ?, COALESCE(sum(p.insertion_hours_achieved), 0), %s, %s
        FROM unnest(CAST(? AS int[]), CAST(? AS text[])) AS s (month, direction_key)
        JOIN purchase p ON lower(p.direction) = s.direction_key AND p.notified_on >= make_date(?, s.month, 1)
          AND p.notified_on < CAST(make_date(?, s.month, 1) + interval '1 month' AS date)
        %s
        GROUP BY s.month, s.direction_key""".formatted(RECORDS_BY_MEASURE, AMOUNTS_BY_MEASURE, HOLDERS);
    /** The same for many buckets (an import, a migration): one pass over the year's records rather than one per bucket. */
    private static final String RECOMPUTE_BY_YEAR = """
        INSERT INTO purchase_figure_bucket (year, month, direction_key, definition, insertion_hours, records, amounts)
        SELECT ?, CAST(extract(month FROM p.notified_on) AS int), lower(p.direction), ?, COALESCE(sum(p.insertion_hours_achieved), 0), %s, %s
        FROM purchase p %s
        WHERE p.notified_on >= make_date(?, 1, 1) AND p.notified_on < make_date(? + 1, 1, 1)
          AND (CAST(extract(month FROM p.notified_on) AS int), lower(p.direction)) IN (SELECT * FROM unnest(CAST(? AS int[]), CAST(? AS text[])))
        GROUP BY 2, 3""".formatted(RECORDS_BY_MEASURE, AMOUNTS_BY_MEASURE, HOLDERS);
    /** Past that many stale buckets in a year, one pass over the year costs less than one index scan per bucket. */
    private static final int BUCKETS_FOR_A_YEAR_PASS = 24;
    /** The measures, their order and their SQL: buckets computed under another definition are recomputed. */
    static final String DEFINITION = fingerprint(RECOMPUTE);
    /** Refreshes of one year wait for each other (the first key of the advisory lock, the year the second). */
    private static final int REFRESH_LOCK = 0x56495646;

    private final JdbcOperations jdbc;

    PurchaseFiguresRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Needs a read-write transaction: the stale buckets of the year are recomputed first. */
    List<PurchaseFigures.Quarter> byQuarter(int year, @Nullable String direction) {
        refresh(year);
        return jdbc.prepareStatement("""
            SELECT (month + 2) / 3, definition, insertion_hours, records, amounts FROM purchase_figure_bucket
            WHERE year = ? AND (CAST(? AS text) IS NULL OR direction_key = lower(CAST(? AS text)))""", statement -> {
                statement.setInt(1, year);
                statement.setString(2, direction);
                statement.setString(3, direction);
                Map<Integer, long[]> records = new TreeMap<>();
                Map<Integer, BigDecimal[]> amounts = new TreeMap<>();
                Map<Integer, Long> hours = new TreeMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (!DEFINITION.equals(rows.getString(2))) {
                            throw new IllegalStateException("purchase_figure_bucket " + year + " computed under another definition");
                        }
                        int quarter = rows.getInt(1);
                        hours.merge(quarter, rows.getLong(3), Long::sum);
                        add(records.computeIfAbsent(quarter, q -> new long[MEASURES.length]), (Long[]) rows.getArray(4).getArray());
                        add(amounts.computeIfAbsent(quarter, q -> zeros()), (BigDecimal[]) rows.getArray(5).getArray());
                    }
                }
                List<PurchaseFigures.Quarter> quarters = new ArrayList<>();
                records.forEach((quarter, counts) -> quarters.add(quarter(quarter, counts, amounts.get(quarter), hours.get(quarter))));
                return quarters;
            });
    }

    /** The same figures straight from the year's records, without the buckets: what the buckets must always equal. */
    List<PurchaseFigures.Quarter> fromRecords(int year, @Nullable String direction) {
        return jdbc.prepareStatement("SELECT CAST(extract(quarter FROM p.notified_on) AS int), COALESCE(sum(p.insertion_hours_achieved), 0), "
            + RECORDS_BY_MEASURE + ", " + AMOUNTS_BY_MEASURE + "\n" + RECORDS + "\nGROUP BY 1 ORDER BY 1", statement -> {
                bindScope(statement, year, direction);
                List<PurchaseFigures.Quarter> quarters = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long[] counts = new long[MEASURES.length];
                        add(counts, (Long[]) rows.getArray(3).getArray());
                        BigDecimal[] sums = zeros();
                        add(sums, (BigDecimal[]) rows.getArray(4).getArray());
                        quarters.add(quarter(rows.getInt(1), counts, sums, rows.getLong(2)));
                    }
                }
                return quarters;
            });
    }

    /** Recomputes the stale buckets of every year, e.g. after an import, so that the next reads find them ready. */
    void refreshStale() {
        List<Integer> years = jdbc.prepareStatement("SELECT DISTINCT year FROM purchase_figure_stale ORDER BY year", statement -> {
            List<Integer> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getInt(1));
                }
            }
            return found;
        });
        years.forEach(this::refresh);
    }

    /**
     * Recomputes the year's stale buckets, and those computed under another definition. The marks are taken (deleted)
     * before the records are read: a write committed later marks its bucket again, for the next read.
     */
    private void refresh(int year) {
        boolean stale = jdbc.prepareStatement("""
            SELECT EXISTS (SELECT 1 FROM purchase_figure_stale WHERE year = ?)
                OR EXISTS (SELECT 1 FROM purchase_figure_bucket WHERE year = ? AND definition <> ?)""", statement -> {
                statement.setInt(1, year);
                statement.setInt(2, year);
                statement.setString(3, DEFINITION);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getBoolean(1);
                }
            });
        if (!stale) {
            return;
        }
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)", statement -> {
            statement.setInt(1, REFRESH_LOCK);
            statement.setInt(2, year);
            return statement.execute();
        });
        jdbc.prepareStatement("""
            INSERT INTO purchase_figure_stale (year, month, direction_key)
            SELECT year, month, direction_key FROM purchase_figure_bucket WHERE year = ? AND definition <> ?
            ON CONFLICT DO NOTHING""", statement -> {
                statement.setInt(1, year);
                statement.setString(2, DEFINITION);
                return statement.executeUpdate();
            });
        List<Integer> months = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        jdbc.prepareStatement("DELETE FROM purchase_figure_stale WHERE year = ? RETURNING month, direction_key", statement -> {
            statement.setInt(1, year);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    months.add(rows.getInt(1));
                    keys.add(rows.getString(2));
                }
            }
            return null;
        });
        if (months.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
            DELETE FROM purchase_figure_bucket b USING unnest(CAST(? AS int[]), CAST(? AS text[])) AS s (month, direction_key)
            WHERE b.year = ? AND b.month = s.month AND b.direction_key = s.direction_key""", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("int4", months.toArray()));
                statement.setArray(2, statement.getConnection().createArrayOf("text", keys.toArray()));
                statement.setInt(3, year);
                return statement.executeUpdate();
            });
        // a few thousand rows per bucket: compiling the 80 aggregates (JIT) would cost more than running them
        jdbc.prepareStatement("SET LOCAL jit = off", PreparedStatement::execute);
        boolean yearPass = months.size() > BUCKETS_FOR_A_YEAR_PASS;
        jdbc.prepareStatement(yearPass ? RECOMPUTE_BY_YEAR : RECOMPUTE, statement -> {
            Array monthArray = statement.getConnection().createArrayOf("int4", months.toArray());
            Array keyArray = statement.getConnection().createArrayOf("text", keys.toArray());
            statement.setInt(1, year);
            statement.setString(2, DEFINITION);
            statement.setArray(yearPass ? 5 : 3, monthArray);
            statement.setArray(yearPass ? 6 : 4, keyArray);
            statement.setInt(yearPass ? 3 : 5, year);
            statement.setInt(yearPass ? 4 : 6, year);
            return statement.executeUpdate();
        });
    }

    private static PurchaseFigures.Quarter quarter(int quarter, long[] counts, BigDecimal[] sums, long insertionHours) {
        Map<PurchaseFigures.Measure, PurchaseFigures.Share> shares = new EnumMap<>(PurchaseFigures.Measure.class);
        for (PurchaseFigures.Measure measure : MEASURES) {
            shares.put(measure, new PurchaseFigures.Share(counts[measure.ordinal()], sums[measure.ordinal()]));
        }
        return new PurchaseFigures.Quarter(quarter, shares, insertionHours);
    }

    private static void add(long[] into, Long[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }

    private static void add(BigDecimal[] into, BigDecimal[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] = into[i].add(values[i]);
        }
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[MEASURES.length];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static String fingerprint(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
