package fr.vivier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.purchases.PurchaseFigures;
import fr.vivier.testsupport.WebClient;
import io.micronaut.context.ApplicationContext;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The indicators benchmark (issue 13), run by scripts/bench/indicators.sh on the data of IndicatorDataGenerator:
 * {@code prepare} creates the staff account the portal is measured with and brings the pre-aggregates up to date (portal
 * stopped); {@code measure} signs in,
 * follows the access set, then times, side by side, each access-set indicator's page (its figures for the year and
 * the year before, all directions), the open data API (the whole catalogue), the dashboard, and for each indicator a
 * naive GROUP BY over the raw tables for the same year's figures. It fails when a naive figure differs from the
 * portal's, and appends a markdown table to the file given.
 */
public final class IndicatorBenchmark {
    static final String EMAIL = "bench-indicateurs@vivier.example";
    static final String PASSWORD = "Bench-indicateurs-2026";
    static final List<String> ACCESS_SET = List.of("SME_CONTRACTS", "SME_UNDER_40K", "SME_SPEND", "LOCAL_SPEND", "ESS_SPEND",
        "SIAE_STPA_SPEND", "RESERVED_CONTRACTS", "ADVANCE_UNDER_50K", "VARIANTS", "SOURCINGS", "RECONTACT", "PROGRAMMED_VS_LAUNCHED",
        "WORKSHOPS");

    /** The year's figures as the portal's JSON gives them: numerator, denominator (-1 for a plain count), unknown. */
    private record Totals(long count, BigDecimal amount, long totalCount, BigDecimal totalAmount, long unknownCount, BigDecimal unknownAmount) {
        boolean sameAs(Totals other) {
            return count == other.count && totalCount == other.totalCount && unknownCount == other.unknownCount
                && amount.compareTo(other.amount) == 0 && totalAmount.compareTo(other.totalAmount) == 0
                && unknownAmount.compareTo(other.unknownAmount) == 0;
        }
    }

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare();
            case "measure" -> measure(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), args[5]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** The staff account, and the pre-aggregates a database from before V19 lacks (an import or the generator computes them). */
    private static void prepare() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            context.getBean(AccountService.class).createWithPasswordIfAbsent(EMAIL, "Agent du banc d’essai", Role.STAFF,
                "Direction du développement économique", PASSWORD);
            long started = System.nanoTime();
            context.getBean(PurchaseFigures.class).refreshStale();
            System.out.printf(Locale.ROOT, "  pré-agrégats recalculés : %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static void measure(int year, int runs, int naiveRuns, Path out, String label) throws Exception {
        WebClient staff = new WebClient(URI.create(System.getenv("BENCH_PORTAL")));
        int signIn = staff.signIn(EMAIL, PASSWORD).statusCode();
        if (signIn != 303) {
            throw new IllegalStateException("connexion de " + EMAIL + " impossible : " + signIn);
        }
        for (String code : ACCESS_SET) {
            staff.get("/agents/indicateurs/" + code + "?annee=" + year);
            int saved = staff.post("/agents/indicateurs/" + code, Map.of("suivi", "on", "anneeReference", "", "annee", String.valueOf(year),
                "cible", "", "typeCible", "", "mesure", "")).statusCode();
            if (saved != 303) {
                throw new IllegalStateException("suivi de " + code + " impossible : " + saved);
            }
        }
        long firstRead = System.nanoTime();
        Map<String, Totals> portal = portalTotals(staff, year);
        double firstReadMs = (System.nanoTime() - firstRead) / 1e6;
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n#### %s — année %d, toutes directions, %d mesures par ligne du portail, %d du GROUP BY (charge moyenne au départ : %s)%n%n",
            label, year, runs, naiveRuns, loadAverage()));
        table.append("| mesure | portail p50 (ms) | portail p95 (ms) | GROUP BY naïf p50 (ms) | GROUP BY naïf p95 (ms) | mêmes chiffres |\n");
        table.append("|---|---:|---:|---:|---:|:---:|\n");
        try (Connection connection = DriverManager.getConnection(System.getenv("VIVIER_DATABASE_URL"), System.getenv("VIVIER_DATABASE_USER"),
                System.getenv("VIVIER_DATABASE_PASSWORD"))) {
            List<String> mismatches = new ArrayList<>();
            for (String code : ACCESS_SET) {
                String page = "/agents/indicateurs/" + code + "?annee=" + year;
                double[] portalTimes = times(runs, () -> expectOk(staff, page));
                Totals[] naive = new Totals[1];
                double[] naiveTimes = times(1, naiveRuns, () -> naive[0] = naive(connection, code, year));
                boolean same = naive[0].sameAs(portal.get(code));
                if (!same) {
                    mismatches.add(code + " : portail " + portal.get(code) + ", GROUP BY " + naive[0]);
                }
                table.append(row("`" + code + "` (page de l’indicateur)", portalTimes, naiveTimes, same ? "oui" : "**non**"));
                System.out.printf(Locale.ROOT, "  %-24s portail p95 %6.0f ms, GROUP BY naïf p95 %6.0f ms%n", code, percentile(portalTimes, 95),
                    percentile(naiveTimes, 95));
            }
            double[] api = times(runs, () -> expectOk(staff, "/api/v1/indicators?year=" + year));
            table.append(row("API `/api/v1/indicators?year=` (tout le catalogue)", api, null, ""));
            double[] dashboard = times(runs, () -> expectOk(staff, "/agents/indicateurs?annee=" + year));
            table.append(row("page `/agents/indicateurs` (tableau de bord)", dashboard, null, ""));
            System.out.printf(Locale.ROOT, "  API p95 %.0f ms, tableau de bord p95 %.0f ms%n", percentile(api, 95), percentile(dashboard, 95));
            double[] afterWrite = afterWrites(connection, staff, year, runs);
            table.append(row("page `SME_CONTRACTS` juste après la modification d’un achat de l’année", afterWrite, null, ""));
            System.out.printf(Locale.ROOT, "  après une écriture p95 %.0f ms%n", percentile(afterWrite, 95));
            table.append(String.format(Locale.ROOT, "%npremière lecture de l’API du tour (année et année précédente) : %.0f ms%n", firstReadMs));
            table.append(String.format(Locale.ROOT, "%ncharge moyenne à la fin : %s%n", loadAverage()));
            Files.writeString(out, table, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (!mismatches.isEmpty()) {
                throw new IllegalStateException("chiffres différents :\n" + String.join("\n", mismatches));
            }
        }
    }

    /** Each run changes one purchase of the year (a different one each time), then times the next read of an indicator. */
    private static double[] afterWrites(Connection connection, WebClient staff, int year, int runs) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM purchase WHERE notified_on >= make_date(?, 1, 1) AND notified_on < make_date(? + 1, 1, 1) ORDER BY id LIMIT ?")) {
            statement.setInt(1, year);
            statement.setInt(2, year);
            statement.setInt(3, runs + 2);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        int[] next = {0};
        String page = "/agents/indicateurs/SME_CONTRACTS?annee=" + year;
        return times(runs, () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE purchase SET updated_at = now() WHERE id = ?")) {
                update.setLong(1, ids.get(next[0]++ % ids.size()));
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return expectOk(staff, page);
        });
    }

    private static Object expectOk(WebClient client, String path) {
        HttpResponse<String> response = client.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " : " + response.statusCode());
        }
        return response;
    }

    private static Map<String, Totals> portalTotals(WebClient staff, int year) throws Exception {
        JsonNode answer = new ObjectMapper().readTree(((HttpResponse<?>) expectOk(staff, "/api/v1/indicators?year=" + year)).body().toString());
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (JsonNode indicator : answer.get("indicators")) {
            JsonNode figures = indicator.get("figures");
            if (figures != null && !figures.isNull()) {
                totals.put(indicator.get("code").asText(), new Totals(figures.get("count").asLong(), figures.get("amountHt").decimalValue(),
                    figures.path("totalCount").isNull() || figures.path("totalCount").isMissingNode() ? -1 : figures.get("totalCount").asLong(),
                    figures.path("totalAmountHt").isNumber() ? figures.get("totalAmountHt").decimalValue() : BigDecimal.ZERO,
                    figures.get("unknownCount").asLong(), figures.get("unknownAmountHt").decimalValue()));
            }
        }
        return totals;
    }

    /** The holder-based condition of a purchase indicator: [numerator, denominator, unknown] over the flags {@code h.yes}, {@code h.missing}. */
    private static String[] holderConditions(String restriction) {
        return new String[] {restriction + "coalesce(h.yes, false)", restriction + "(coalesce(h.yes, false) OR h.missing IS FALSE)",
            restriction + "NOT coalesce(h.yes, false) AND h.missing IS NOT FALSE"};
    }

    /**
     * The same figures written directly over the raw tables, one GROUP BY per indicator: what a person would write in psql
     * without the portal's aggregate read (holders folded by a GROUP BY over all of purchase_party, then joined).
     */
    private static Totals naive(Connection connection, String code, int year) {
        String holders = switch (code) {
            case "SME_CONTRACTS", "SME_SPEND", "SME_UNDER_40K" -> "bool_or(size IN ('TPE', 'PME')), bool_or(size IS NULL)";
            case "LOCAL_SPEND" -> "bool_or(on_territory), bool_or(on_territory IS NULL)";
            case "ESS_SPEND" -> "bool_or(ess), bool_or(ess IS NULL)";
            case "SIAE_STPA_SPEND" -> "bool_or(family IN ('SIAE', 'STPA')), bool_or(family IS NULL)";
            default -> null;
        };
        String[] conditions = switch (code) {
            case "SME_UNDER_40K" -> holderConditions("p.amount < 40000 AND ");
            case "RESERVED_CONTRACTS" -> new String[] {"p.reservation <> 'NONE' OR 'RESERVED' = ANY (p.social_considerations)", null, null};
            case "ADVANCE_UNDER_50K" -> new String[] {"p.price_form = 'LUMP_SUM' AND p.amount < 50000 AND p.advance",
                "p.price_form = 'LUMP_SUM' AND p.amount < 50000", "p.price_form IS NULL AND p.amount < 50000"};
            case "VARIANTS" -> new String[] {"p.price_form = 'LUMP_SUM' AND (p.variants OR p.functional_specification)",
                "p.price_form = 'LUMP_SUM'", "p.price_form IS NULL"};
            default -> holders == null ? null : holderConditions("");
        };
        if (conditions != null) {
            String sql = "SELECT CAST(extract(quarter FROM p.notified_on) AS int), " + aggregate(conditions[0]) + ", "
                + (conditions[1] == null ? "-1, 0" : aggregate(conditions[1])) + ", " + (conditions[2] == null ? "0, 0" : aggregate(conditions[2]))
                + " FROM purchase p" + (holders == null ? "" : " LEFT JOIN (SELECT purchase_id, " + holders
                + " FROM purchase_party WHERE role = 'HOLDER' GROUP BY purchase_id) h (purchase_id, yes, missing) ON h.purchase_id = p.id")
                + " WHERE p.notified_on >= make_date(?, 1, 1) AND p.notified_on < make_date(? + 1, 1, 1) GROUP BY 1";
            return summed(connection, sql, year, code.equals("RESERVED_CONTRACTS"));
        }
        return switch (code) {
            case "SOURCINGS" -> summed(connection, """
                SELECT CAST(extract(quarter FROM completed_at AT TIME ZONE 'Europe/Paris') AS int), count(*), 0, -1, 0, 0, 0
                FROM sourcing_sheet WHERE completed_at >= make_date(?, 1, 1) AT TIME ZONE 'Europe/Paris'
                  AND completed_at < make_date(? + 1, 1, 1) AT TIME ZONE 'Europe/Paris' GROUP BY 1""", year, true);
            case "RECONTACT" -> summed(connection, """
                SELECT CAST(extract(quarter FROM created_at AT TIME ZONE 'Europe/Paris') AS int), count(answered_at), 0, count(*), 0, 0, 0
                FROM recontact_request WHERE created_at >= make_date(?, 1, 1) AT TIME ZONE 'Europe/Paris'
                  AND created_at < make_date(? + 1, 1, 1) AT TIME ZONE 'Europe/Paris' GROUP BY 1""", year, false);
            case "PROGRAMMED_VS_LAUNCHED" -> summed(connection, """
                SELECT l.expected_quarter, count(*) FILTER (WHERE c.line_id IS NOT NULL),
                  COALESCE(sum(l.estimated_amount) FILTER (WHERE c.line_id IS NOT NULL), 0), count(*), COALESCE(sum(l.estimated_amount), 0), 0, 0
                FROM programming_line l LEFT JOIN (SELECT DISTINCT line_id FROM programming_status_change WHERE to_status = 'LAUNCHED') c
                  ON c.line_id = l.id
                WHERE l.year = ? GROUP BY 1""", year, false);
            case "WORKSHOPS" -> summed(connection, """
                SELECT CAST(extract(quarter FROM starts_at AT TIME ZONE 'Europe/Paris') AS int), count(*), 0, -1, 0, 0, 0
                FROM meeting_event WHERE kind = 'AWARENESS_WORKSHOP' AND ends_at <= now()
                  AND starts_at >= make_date(?, 1, 1) AT TIME ZONE 'Europe/Paris'
                  AND starts_at < make_date(? + 1, 1, 1) AT TIME ZONE 'Europe/Paris' GROUP BY 1""", year, true);
            default -> throw new IllegalArgumentException(code);
        };
    }

    private static String aggregate(String condition) {
        return "count(*) FILTER (WHERE " + condition + "), COALESCE(sum(p.amount) FILTER (WHERE " + condition + "), 0)";
    }

    /** Runs the GROUP BY (the year in every parameter) and sums its quarters into the year's figures; a plain count has no denominator (-1). */
    private static Totals summed(Connection connection, String sql, int year, boolean plainCount) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int parameter = 1; parameter <= statement.getParameterMetaData().getParameterCount(); parameter++) {
                statement.setInt(parameter, year);
            }
            long count = 0;
            long totalCount = plainCount ? -1 : 0;
            long unknownCount = 0;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal totalAmount = BigDecimal.ZERO;
            BigDecimal unknownAmount = BigDecimal.ZERO;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    count += rows.getLong(2);
                    amount = amount.add(rows.getBigDecimal(3));
                    if (!plainCount) {
                        totalCount += rows.getLong(4);
                        totalAmount = totalAmount.add(rows.getBigDecimal(5));
                    }
                    unknownCount += rows.getLong(6);
                    unknownAmount = unknownAmount.add(rows.getBigDecimal(7));
                }
            }
            return new Totals(count, amount, totalCount, totalAmount, unknownCount, unknownAmount);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Milliseconds of each run, after two unmeasured runs (JIT, caches). */
    private static double[] times(int runs, Supplier<Object> action) {
        return times(2, runs, action);
    }

    private static double[] times(int warmups, int runs, Supplier<Object> action) {
        for (int i = 0; i < warmups; i++) {
            action.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            action.get();
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        return times;
    }

    private static double percentile(double[] times, int percentile) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String row(String what, double[] portal, double[] naive, String same) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s |%n", what, percentile(portal, 50), percentile(portal, 95),
            naive == null ? "" : String.format(Locale.ROOT, "%.0f", percentile(naive, 50)),
            naive == null ? "" : String.format(Locale.ROOT, "%.0f", percentile(naive, 95)), same);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
