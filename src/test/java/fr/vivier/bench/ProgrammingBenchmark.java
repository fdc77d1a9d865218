package fr.vivier.bench;

import fr.vivier.directory.ConsentKind;
import fr.vivier.programming.LineMatching;
import fr.vivier.programming.ProgrammingAlerts;
import fr.vivier.programming.ProgrammingLine;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
import io.micronaut.context.ApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The programming benchmark (issue 11), run by scripts/bench/programming.sh: N generated suppliers (BENCH_SUPPLIERS,
 * 100 000) indexed by the portal's own indexer, 30 % of them with the « alertes » consent; L published lines
 * (BENCH_LINES, 1 000) with real sectors and places of execution drawn by population, a quarter reservable; then the
 * matching of each line timed (p50, p95, max), and one publication run of the alerts (matching every line, building
 * and queuing every digest, remembering each line sent) timed with the heap's peak. Mails are queued, never sent.
 */
public final class ProgrammingBenchmark {
    private static final int MATCHES_PER_LINE = 10_000;

    public static void main(String[] args) throws Exception {
        int suppliers = Integer.parseInt(env("BENCH_SUPPLIERS", "100000"));
        int lineCount = Integer.parseInt(env("BENCH_LINES", "1000"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
            .properties(Map.of("vivier.mail.poll-interval", "1000h", "vivier.programming.alert-interval", "1000h")).start();
             Connection connection = connect()) {
            Reference reference = new Reference();
            System.out.printf("Fournisseurs : %,d ...%n", suppliers);
            long started = System.nanoTime();
            new BenchLoader(connection).load(suppliers, new SupplierGenerator(reference, 42 + suppliers));
            new BenchLoader(connection).writeOutbox();
            grantAlerts(connection);
            awaitIndexed(connection);
            System.out.printf("  écrits et indexés en %.1f s%n", seconds(System.nanoTime() - started));

            ProgrammingService programming = context.getBean(ProgrammingService.class);
            System.out.printf("Lignes publiées : %,d ...%n", lineCount);
            List<Long> lineIds = publishLines(programming, reference, lineCount);

            LineMatching matching = context.getBean(LineMatching.class);
            List<ProgrammingLine> lines = lineIds.stream().map(id -> programming.find(id).orElseThrow()).toList();
            lines.stream().limit(50).forEach(line -> matching.matches(line, MATCHES_PER_LINE)); // JIT and caches warm
            double[] millis = new double[lines.size()];
            long matched = 0;
            long matchingStarted = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                long before = System.nanoTime();
                matched += matching.matches(lines.get(i), MATCHES_PER_LINE).orElseThrow().total();
                millis[i] = (System.nanoTime() - before) / 1e6;
            }
            double matchingSeconds = seconds(System.nanoTime() - matchingStarted);
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "Appariement d’une ligne (%,d lignes, %,d fournisseurs) : p50 %.1f ms, p95 %.1f ms, max %.1f ms ;"
                    + " %.1f s en tout ; %,d fournisseurs correspondants par ligne en moyenne%n",
                lines.size(), suppliers, percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1], matchingSeconds,
                matched / Math.max(1, lines.size()));

            ProgrammingAlerts alerts = context.getBean(ProgrammingAlerts.class);
            System.gc();
            resetPeaks();
            long alertsStarted = System.nanoTime();
            ProgrammingAlerts.Outcome outcome = alerts.runOnce();
            double alertsSeconds = seconds(System.nanoTime() - alertsStarted);
            System.out.printf(Locale.ROOT, "Tournée de publication (appariement des %,d lignes + résumés) : %.1f s, %,d courriels en file,"
                    + " %,d lignes×fournisseurs retenues, pic du tas %.0f Mo (tas maximal %.0f Mo)%n",
                lines.size(), alertsSeconds, outcome.mailed(), count(connection, "SELECT count(*) FROM programming_alert_sent"),
                heapPeak() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        }
        System.exit(0);
    }

    private static List<Long> publishLines(ProgrammingService programming, Reference reference, int count) {
        Random random = new Random(11);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reference.Sector sector = reference.sectors.get(random.nextInt(reference.sectors.size()));
            Reference.Commune place = reference.commune(random);
            int index = i;
            ids.add(TestLines.published(programming, draft -> {
                draft.reference = "BENCH-" + index;
                draft.object = sector.label() + " — ligne " + index;
                draft.sectors = List.of(sector.code());
                draft.places = place.code();
                draft.amount = String.valueOf(5_000 + random.nextInt(400_000));
                draft.quarter = String.valueOf(1 + random.nextInt(4));
                draft.reservation = index % 4 == 0 ? "SIAE" : "NONE";
                draft.cpv = "";
            }));
            if ((i + 1) % 100 == 0) {
                System.out.printf("\r  %,d / %,d", i + 1, count);
            }
        }
        System.out.println();
        return ids;
    }

    /** The « alertes » consent for 30 % of the structures (the generator gives publication and recontact only). */
    private static void grantAlerts(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
            INSERT INTO supplier_consent (supplier_id, kind, version, text, granted_at)
            SELECT id, ?, ?, ?, now() FROM supplier WHERE id % 10 < 3""")) {
            statement.setString(1, ConsentKind.ALERTS.name());
            statement.setString(2, ConsentKind.ALERTS.version());
            statement.setString(3, ConsentKind.ALERTS.text());
            statement.executeUpdate();
        }
        connection.commit();
    }

    private static void awaitIndexed(Connection connection) throws Exception {
        long pending;
        while ((pending = count(connection, "SELECT count(*) FROM search_outbox WHERE processed_at IS NULL")) > 0) {
            System.out.printf("\r  en attente d’indexation : %,d   ", pending);
            Thread.sleep(500);
        }
        System.out.println();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            long count = rows.getLong(1);
            connection.commit();
            return count;
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the heap really used at once). */
    private static double heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Connection connect() throws SQLException {
        String url = env("VIVIER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:55432/vivier_bench");
        Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
            env("VIVIER_DATABASE_USER", "vivier"), env("VIVIER_DATABASE_PASSWORD", "vivier"));
        connection.setAutoCommit(false);
        return connection;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
