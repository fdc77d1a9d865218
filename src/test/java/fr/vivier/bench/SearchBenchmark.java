package fr.vivier.bench;

import fr.vivier.search.BenchElasticsearch;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search benchmark, step by step (scripts/bench/search.sh runs the steps and starts/stops the portal):
 * <pre>
 *   load N          generate and write N suppliers, then time the portal's indexer draining the outbox
 *   measure N       latency and throughput of the query mix: API, HTML page, Elasticsearch direct, PostgreSQL;
 *                   then the delay from a committed change to searchable
 *   bulk-reindex N  time a rebuild through SupplierReindexer inside a running context (no JVM start-up)
 *   relevance N     recall and precision at ten of the relevance set, and the latency each recall layer adds (RelevanceBench)
 *   report          write scripts/bench/RESULTS.md from the figures of every N
 * </pre>
 * Configuration from the environment: VIVIER_DATABASE_URL/USER/PASSWORD, VIVIER_ELASTICSEARCH_URL,
 * VIVIER_SEARCH_INDEX_PREFIX, BENCH_PORTAL (http://127.0.0.1:18080), BENCH_OUT (figures directory),
 * BENCH_CLIENTS (16), BENCH_PORTAL_WARMUP (30 s before the first scenario, then until the JIT has settled, at most
 * BENCH_PORTAL_WARMUP_MAX, 240 s), BENCH_WARMUP (3 s before each scenario),
 * BENCH_SECONDS (12 s per scenario), BENCH_CHANGES (50), BENCH_TARGETS
 * (api,html,es,pg: what to measure), BENCH_PORTAL_PID (the portal's process, whose CPU time per search is measured),
 * BENCH_LAYER_SECONDS (4 s per recall layer configuration, query family and round), BENCH_LAYER_ROUNDS (3).
 */
public final class SearchBenchmark {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final List<String> TARGETS = List.of("api", "html", "es", "pg");
    private static final Pattern CPU_MILLIS = Pattern.compile("\"total_in_millis\"\\s*:\\s*(\\d+)");

    private final Properties figures = new Properties();
    private final Path out = Path.of(env("BENCH_OUT", ".vivier/bench"));
    private final String portal = env("BENCH_PORTAL", "http://127.0.0.1:18080");
    private final String elasticsearch = env("VIVIER_ELASTICSEARCH_URL", "http://127.0.0.1:59200");
    private final String index = env("VIVIER_SEARCH_INDEX_PREFIX", "bench-") + "suppliers";

    public static void main(String[] args) throws Exception {
        SearchBenchmark bench = new SearchBenchmark();
        switch (args[0]) {
            case "load" -> bench.step(Integer.parseInt(args[1]), bench::load);
            case "measure" -> bench.step(Integer.parseInt(args[1]), bench::measure);
            case "bulk-reindex" -> bench.step(Integer.parseInt(args[1]), bench::bulkReindex);
            case "relevance" -> bench.step(Integer.parseInt(args[1]), bench::relevance);
            case "record" -> bench.step(Integer.parseInt(args[1]), n -> bench.figures.setProperty(args[2], args[3]));
            case "report" -> BenchReport.write(bench.out, Path.of(args.length > 1 ? args[1] : "scripts/bench/RESULTS.md"));
            default -> throw new IllegalArgumentException("étape inconnue : " + args[0]);
        }
        System.exit(0);
    }

    @FunctionalInterface
    private interface Step {
        void run(int n) throws Exception;
    }

    /** Runs a step, keeping the figures of N in BENCH_OUT/N.properties. */
    private void step(int n, Step step) throws Exception {
        Files.createDirectories(out);
        Path file = out.resolve(n + ".properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                figures.load(reader);
            }
        }
        step.run(n);
        try (Writer writer = Files.newBufferedWriter(file)) {
            figures.store(writer, "search benchmark, N = " + n);
        }
    }

    private void load(int n) throws Exception {
        Reference reference = new Reference();
        try (Connection connection = connect()) {
            long started = System.nanoTime();
            long published = new BenchLoader(connection).load(n, new SupplierGenerator(reference, 42 + n));
            put("load.seconds", seconds(System.nanoTime() - started));
            put("published", published);
            long committed = new BenchLoader(connection).writeOutbox();
            System.out.println("  outbox écrite : " + n + " lignes ; l’indexeur du portail la vide…");
            long deadline = committed + (long) (Double.parseDouble(env("BENCH_DRAIN_TIMEOUT", "1200")) * 1e9);
            long pending;
            while ((pending = pending(connection)) > 0 || indexed() < published) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("outbox non vidée à temps : " + pending + " en attente");
                }
                System.out.printf("\r  en attente : %,d  indexés : %,d   ", pending, indexed());
                Thread.sleep(200);
            }
            double drain = seconds(System.nanoTime() - committed);
            put("drain.seconds", drain);
            System.out.printf("%n  %,d fournisseurs écrits en %.1f s, outbox vidée en %.1f s (%.0f documents/s)%n",
                n, Double.parseDouble(figures.getProperty("load.seconds")), drain, published / drain);
        }
    }

    private void measure(int n) throws Exception {
        Reference reference = new Reference();
        List<QueryMix.BenchQuery> queries = QueryMix.build(reference, 300, 7);
        List<String> bodies;
        String searchPath;
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            bodies = BenchElasticsearch.bodies(context, queries.stream().map(QueryMix.BenchQuery::query).toList());
            searchPath = BenchElasticsearch.searchPath(context);
        }
        try (Connection connection = connect()) {
            PostgresSearch.setUp(connection);
        }
        int clients = Integer.parseInt(env("BENCH_CLIENTS", "16"));
        LoadRunner runner = new LoadRunner(clients, Double.parseDouble(env("BENCH_WARMUP", "3")),
            Double.parseDouble(env("BENCH_SECONDS", "12")));
        put("clients", clients);
        put("seconds", env("BENCH_SECONDS", "12"));
        List<String> targets = List.of(env("BENCH_TARGETS", String.join(",", TARGETS)).split(","));
        Map<String, LoadRunner.CpuMeter> meters = cpuMeters();
        warmUpPortal(clients, queries, targets, bodies, searchPath, meters);
        for (QueryMix.Kind kind : QueryMix.Kind.values()) {
            List<QueryMix.BenchQuery> mix = queries.stream().filter(q -> q.kind() == kind).toList();
            for (String target : TARGETS.stream().filter(targets::contains).toList()) {
                LoadRunner.Result result = runner.run(target, mix, client(target, queries, bodies, searchPath), meters);
                String key = "scenario." + target + "." + kind.name().toLowerCase();
                put(key + ".p50", result.p50());
                put(key + ".p95", result.p95());
                put(key + ".p99", result.p99());
                put(key + ".rps", result.perSecond());
                put(key + ".requests", result.requests());
                put(key + ".errors", result.errors());
                result.cpuMillisPerRequest().forEach((process, millis) -> put(key + ".cpu." + process, millis));
                System.out.printf("  %-5s %-20s p50 %7.1f  p95 %7.1f  p99 %7.1f ms  %7.1f req/s  (%d requêtes, %d erreurs)  CPU/requête %s%n",
                    target, kind, result.p50(), result.p95(), result.p99(), result.perSecond(), result.requests(), result.errors(),
                    cpu(result.cpuMillisPerRequest()));
            }
        }
        if (targets.contains("api")) {
            freshness();
        }
    }

    /**
     * The whole query mix through the portal before anything is measured (half API, half page), for
     * BENCH_PORTAL_WARMUP seconds (30), then in rounds of 10 s until the JIT compiler has settled: its threads spent at
     * most 5 % of the portal's CPU in the last round, or BENCH_PORTAL_WARMUP_MAX seconds (240) have passed. On two busy
     * cores the compiler needs minutes for the ~14 000 methods of the search path, and until then it takes a third of
     * the portal's CPU, which the scenarios would charge to the searches (a portal in service has compiled them long
     * ago; Elasticsearch, running for hours, has too).
     */
    private void warmUpPortal(int clients, List<QueryMix.BenchQuery> queries, List<String> targets, List<String> bodies,
                              String searchPath, Map<String, LoadRunner.CpuMeter> meters) throws Exception {
        double seconds = Double.parseDouble(env("BENCH_PORTAL_WARMUP", "30"));
        double max = Double.parseDouble(env("BENCH_PORTAL_WARMUP_MAX", "240"));
        List<String> portalTargets = targets.stream().filter(t -> t.equals("api") || t.equals("html")).toList();
        if (seconds <= 0 || portalTargets.isEmpty()) {
            return;
        }
        System.out.printf("  préchauffage du portail (%.0f s, puis jusqu'à ce que le JIT ait fini, %.0f s au plus) ...%n", seconds, max);
        warmUpRound(clients, queries, portalTargets, bodies, searchPath, seconds, Map.of());
        double spent = seconds;
        double jitShare = Double.NaN;
        if (meters.containsKey("jit")) {
            do {
                LoadRunner.Result round = warmUpRound(clients, queries, portalTargets, bodies, searchPath, 10, meters);
                spent += 10;
                jitShare = round.cpuMillisPerRequest().get("jit") / round.cpuMillisPerRequest().get("portal");
                System.out.printf("    %.0f s : le JIT a pris %.0f %% du CPU du portail%n", spent, 100 * jitShare);
            } while (jitShare > 0.05 && spent < max);
        }
        put("warmup.seconds", spent);
        put("warmup.jit.share", jitShare);
    }

    /** One round of the mix through the portal; the CPU of the last target's run when meters are given. */
    private LoadRunner.Result warmUpRound(int clients, List<QueryMix.BenchQuery> queries, List<String> portalTargets,
                                         List<String> bodies, String searchPath, double seconds,
                                         Map<String, LoadRunner.CpuMeter> meters) throws Exception {
        LoadRunner warmUp = new LoadRunner(clients, 0, seconds / portalTargets.size());
        LoadRunner.Result last = null;
        for (String target : portalTargets) {
            last = warmUp.run(target, queries, client(target, queries, bodies, searchPath), meters);
        }
        return last;
    }

    /** The portal's CPU time (from /proc, when BENCH_PORTAL_PID is known) and Elasticsearch's (its node stats). */
    private Map<String, LoadRunner.CpuMeter> cpuMeters() {
        Map<String, LoadRunner.CpuMeter> meters = new LinkedHashMap<>();
        String pid = env("BENCH_PORTAL_PID", "");
        if (pid.matches("\\d+")) {
            Path stat = Path.of("/proc", pid, "stat");
            meters.put("portal", () -> {
                // utime and stime, fields 14 and 15, in clock ticks (100 per second on Linux), after the command name
                String line = Files.readString(stat);
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
            });
            meters.put("jit", () -> compilerMillis(Path.of("/proc", pid, "task")));
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stats = HttpRequest.newBuilder(URI.create(elasticsearch + "/_nodes/_local/stats/process?filter_path=nodes.*.process.cpu")).build();
        meters.put("es", () -> {
            Matcher millis = CPU_MILLIS.matcher(http.send(stats, HttpResponse.BodyHandlers.ofString()).body());
            return millis.find() ? Double.parseDouble(millis.group(1)) : Double.NaN;
        });
        return meters;
    }

    /** CPU time of the JIT compiler's threads (named « C1 CompilerThre… », « C2 CompilerThre… »), in ms. */
    private static double compilerMillis(Path tasks) throws IOException {
        double millis = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        String line = Files.readString(thread.resolve("stat"));
                        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        millis += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // a compiler thread that stopped since the listing
                }
            }
        }
        return millis;
    }

    private static String cpu(Map<String, Double> millisPerRequest) {
        return millisPerRequest.entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue()))
            .collect(java.util.stream.Collectors.joining(", "));
    }

    private Supplier<LoadRunner.Client> client(String target, List<QueryMix.BenchQuery> all, List<String> bodies, String searchPath) {
        java.util.Map<QueryMix.BenchQuery, String> bodyOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            bodyOf.put(all.get(i), bodies.get(i));
        }
        return switch (target) {
            case "api" -> () -> http(q -> get(portal + "/api/v1/suppliers/search?" + q.queryString()));
            case "html" -> () -> http(q -> get(portal + "/fournisseurs?" + q.queryString()));
            case "es" -> () -> http(q -> HttpRequest.newBuilder(URI.create(elasticsearch + searchPath))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(bodyOf.get(q))).build());
            case "pg" -> () -> {
                try {
                    return new PostgresSearch(connect());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            default -> throw new IllegalArgumentException(target);
        };
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    @FunctionalInterface
    private interface RequestFor {
        HttpRequest request(QueryMix.BenchQuery query);
    }

    /** An HTTP/1.1 keep-alive client that reads every response body in full. */
    private static LoadRunner.Client http(RequestFor requests) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return query -> client.send(requests.request(query), HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }

    /**
     * Commits changes the way the directory does (the row and its outbox event in one transaction) while the
     * portal runs: half updates of published suppliers, half publications of pending ones; each change adds a
     * unique word to the name, and the API is polled every 20 ms until that word finds the supplier.
     */
    private void freshness() throws Exception {
        int changes = Integer.parseInt(env("BENCH_CHANGES", "50"));
        Random random = new Random(11);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> delays = new ArrayList<>();
        int timeouts = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            List<Long> published = ids(connection, "PUBLISHED", changes / 2 + changes % 2);
            List<Long> pending = ids(connection, "PENDING", changes / 2);
            for (int i = 0; i < changes; i++) {
                boolean publish = i % 2 == 1 && !pending.isEmpty();
                long id = publish ? pending.remove(0) : published.remove(0);
                String word = "frais" + Long.toString(random.nextLong() & Long.MAX_VALUE, 26).replaceAll("[0-9]", "x");
                Thread.sleep(random.nextInt(300));
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE supplier SET name = name || ' ' || ?, status = 'PUBLISHED', published_at = coalesce(published_at, now()),
                          updated_at = now(), last_activity_at = now() WHERE id = ?""");
                     PreparedStatement outbox = connection.prepareStatement(
                         "INSERT INTO search_outbox (entity, entity_id) VALUES ('supplier', ?)")) {
                    update.setString(1, word);
                    update.setLong(2, id);
                    update.executeUpdate();
                    outbox.setLong(1, id);
                    outbox.executeUpdate();
                }
                connection.commit();
                long committed = System.nanoTime();
                HttpRequest poll = get(portal + "/api/v1/suppliers/search?q=" + word);
                boolean found = false;
                while (!found && System.nanoTime() - committed < 10_000_000_000L) {
                    String body = http.send(poll, HttpResponse.BodyHandlers.ofString()).body();
                    Matcher total = TOTAL.matcher(body);
                    found = total.find() && Long.parseLong(total.group(1)) > 0;
                    if (!found) {
                        Thread.sleep(20);
                    }
                }
                if (found) {
                    delays.add(System.nanoTime() - committed);
                } else {
                    timeouts++;
                }
            }
        }
        long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        put("fresh.count", changes);
        put("fresh.timeouts", timeouts);
        put("fresh.p50", LoadRunner.percentile(sorted, 0.50));
        put("fresh.p99", LoadRunner.percentile(sorted, 0.99));
        put("fresh.max", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        System.out.printf("  modification → trouvable : p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d changements, %d hors délai)%n",
            LoadRunner.percentile(sorted, 0.50), LoadRunner.percentile(sorted, 0.99),
            sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, changes, timeouts);
    }

    private void bulkReindex(int n) throws Exception {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            long start = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong documents = new java.util.concurrent.atomic.AtomicLong();
            context.getBean(fr.vivier.search.SupplierReindexer.class).reindex(progress -> documents.set(progress.done()));
            double seconds = (System.nanoTime() - start) / 1e9;
            put("bulk.seconds", seconds);
            put("bulk.documents", documents.get());
            System.out.printf("  reconstruction (SupplierReindexer, sans démarrage de JVM) : %,d documents en %.1f s%n",
                documents.get(), seconds);
        }
    }

    private void relevance(int n) throws Exception {
        int clients = Integer.parseInt(env("BENCH_CLIENTS", "16"));
        LoadRunner runner = new LoadRunner(clients, Double.parseDouble(env("BENCH_WARMUP", "3")),
            Double.parseDouble(env("BENCH_LAYER_SECONDS", "4")));
        List<QueryMix.BenchQuery> text = QueryMix.build(new Reference(), 300, 7).stream()
            .filter(q -> q.kind() == QueryMix.Kind.TEXT).toList();
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            RelevanceBench.measure(context, env("VIVIER_SEARCH_INDEX_PREFIX", "bench-"), text, runner,
                Integer.parseInt(env("BENCH_LAYER_ROUNDS", "3")), this::put);
        }
    }

    private static List<Long> ids(Connection connection, String status, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
            "SELECT id FROM supplier WHERE status = ? ORDER BY md5(id::text) LIMIT ?")) {
            statement.setString(1, status);
            statement.setInt(2, count);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static long pending(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM search_outbox WHERE processed_at IS NULL");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long indexed() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String body = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_count")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(body);
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    private static Connection connect() throws SQLException {
        String url = env("VIVIER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:55432/vivier_bench");
        Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
            env("VIVIER_DATABASE_USER", "vivier"), env("VIVIER_DATABASE_PASSWORD", "vivier"));
        connection.setAutoCommit(true);
        return connection;
    }

    private void put(String key, Object value) {
        figures.setProperty(key, value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.2f", d) : String.valueOf(value));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
