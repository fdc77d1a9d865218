package fr.vivier.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Writes RESULTS.md from the figures of every N, with the targets of issue 9 (ratios measured in the same run) checked. */
final class BenchReport {
    private static final String[][] SCENARIOS = {
        {"api", "API JSON `/api/v1/suppliers/search`"}, {"html", "Page HTML `/fournisseurs`"},
        {"es", "Elasticsearch direct (même requête)"}, {"pg", "PostgreSQL pg_trgm + ILIKE + GROUP BY"}};
    private static final String[][] KINDS = {
        {"text", "texte seul"}, {"facets", "facettes seules"}, {"text_facets_commune", "texte + facettes + commune"}};

    private BenchReport() {
    }

    static void write(Path figures, Path target) throws IOException, InterruptedException {
        List<Properties> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(figures)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties run = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    run.load(reader);
                }
                run.setProperty("n", file.getFileName().toString().replace(".properties", ""));
                runs.add(run);
            }
        }
        runs.sort((a, b) -> Integer.compare(Integer.parseInt(a.getProperty("n")), Integer.parseInt(b.getProperty("n"))));
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark de la recherche de fournisseurs\n\n")
            .append("Fichier réécrit par `./vivier bench search` (scripts/bench/search.sh) le ").append(LocalDate.now())
            .append(". Ne pas éditer à la main.\n\n")
            .append("Commande : `").append(System.getenv().getOrDefault("BENCH_COMMAND", "./vivier bench search")).append("`\n\n")
            .append(machine()).append('\n')
            .append("""
                Méthode : N fournisseurs fictifs (communes réelles tirées selon leur population, secteurs et labels réels,
                descriptions tirées du vocabulaire des secteurs et de la NAF) écrits en JDBC avec les lignes
                qu'écrit `DirectoryService.register` (sans les courriels), puis une ligne d'outbox par fournisseur :
                l'indexeur du portail (`java -jar target/vivier-0.1.0.jar`, base `vivier_bench` et préfixe `bench-` par défaut)
                la vide par le chemin normal. Charge : client Java, pool fixe de clients sans temps de réflexion,
                préchauffage puis durée fixe par scénario ; 300 recherches tirées à part égale dans trois familles.
                La machine de mesure est partagée (2 cœurs pour le portail, Elasticsearch, PostgreSQL et le client de charge) : relancer sur une machine calme pour des chiffres nets.
                Les rapports (API / Elasticsearch, page / API, API / PostgreSQL) sont mesurés dans la même exécution et varient moins
                que les chiffres absolus ; le temps CPU par recherche du portail (/proc) et d'Elasticsearch (ses statistiques de nœud,
                qui comptent aussi le travail d'autres clients d'un Elasticsearch partagé) varie moins encore.

                """);
        for (Properties run : runs) {
            section(md, run);
        }
        Files.writeString(target, md.toString());
        System.out.println("  résultats écrits dans " + target);
    }

    private static void section(StringBuilder md, Properties run) {
        int n = Integer.parseInt(run.getProperty("n"));
        md.append(String.format(Locale.FRENCH, "## N = %,d fournisseurs (%s publiés)%n%n", n, number(run, "published", "%,.0f")));
        md.append(String.format("%s clients simultanés, %s s mesurées par scénario.", run.getProperty("clients", "?"),
            run.getProperty("seconds", "?")));
        if (run.getProperty("warmup.seconds") != null) {
            md.append(String.format(Locale.FRENCH, " Portail préchauffé %.0f s : au dernier tour de 10 s, le compilateur JIT a pris %.0f %% de"
                + " son CPU (le préchauffage s'arrête sous 5 %%, ou à BENCH_PORTAL_WARMUP_MAX). Le CPU du portail par requête compte"
                + " le JIT, entre parenthèses.", value(run, "warmup.seconds"), 100 * value(run, "warmup.jit.share")));
        }
        md.append("\n\n");
        md.append("| cible | recherches | p50 (ms) | p95 (ms) | p99 (ms) | req/s | erreurs | CPU portail (ms/req) | CPU Elasticsearch (ms/req) |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String[] kind : KINDS) {
            for (String[] scenario : SCENARIOS) {
                String key = "scenario." + scenario[0] + "." + kind[0];
                if (run.getProperty(key + ".p50") == null) {
                    continue;
                }
                md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", scenario[1], kind[1],
                    number(run, key + ".p50", "%.1f"), number(run, key + ".p95", "%.1f"), number(run, key + ".p99", "%.1f"),
                    number(run, key + ".rps", "%.0f"), run.getProperty(key + ".errors"), cpu(run, key + ".cpu.portal"),
                    cpu(run, key + ".cpu.es")));
            }
        }
        md.append("\n| indicateur | mesure | cible | atteint |\n|---|---:|---:|---|\n");
        double worstApiP95 = worst(run, "api", "p95");
        for (String[] kind : KINDS) {
            double ratio = ratio(run, "api", "es", kind[0], "rps");
            md.append(row("débit API / débit Elasticsearch, " + kind[1], ratio, "%.2f ×", "≥ 0,7 ×", ratio >= 0.7));
        }
        for (String[] kind : KINDS) {
            double ratio = ratio(run, "api", "es", kind[0], "p95");
            md.append(row("p95 API / p95 Elasticsearch, " + kind[1], ratio, "%.2f ×", "≤ 1,5 ×", ratio <= 1.5));
        }
        for (String[] kind : KINDS) {
            double ratio = ratio(run, "html", "api", kind[0], "p95");
            md.append(row("p95 page HTML / p95 API, " + kind[1], ratio, "%.2f ×", "≤ 1,3 ×", ratio <= 1.3));
        }
        for (String[] kind : KINDS) {
            double ratio = ratio(run, "api", "pg", kind[0], "rps");
            md.append(row("débit API / débit PostgreSQL, " + kind[1], ratio, "%.1f ×", "> 1 ×", ratio > 1));
        }
        for (String[] kind : KINDS) {
            double ratio = ratio(run, "api", "pg", kind[0], "p95");
            md.append(row("p95 API / p95 PostgreSQL, " + kind[1], ratio, "%.2f ×", "< 1 ×", ratio < 1));
        }
        if (run.getProperty("drain.seconds") != null) {
            double drain = value(run, "drain.seconds");
            md.append(row("vidage de l'outbox par l'indexeur du portail (N documents)", drain, "%.1f s",
                String.format(Locale.FRENCH, "%.0f documents/s", value(run, "published") / drain), null));
        }
        if (run.getProperty("reindex.seconds") != null) {
            double reindex = value(run, "reindex.seconds");
            md.append(row("`java -jar … reindex` (JVM comprise)", reindex, "%.1f s", n >= 100_000 ? "< 60 s" : "—",
                n >= 100_000 ? reindex < 60 : null));
        }
        if (run.getProperty("bulk.seconds") != null) {
            double bulk = value(run, "bulk.seconds");
            md.append(row("reconstruction seule (`SupplierReindexer` + `SupplierDocuments`, sans démarrage de JVM)", bulk, "%.1f s",
                n >= 100_000 ? "< 60 s" : "—", n >= 100_000 ? bulk < 60 : null));
        }
        if (run.getProperty("fresh.p99") != null) {
            md.append(row("modification validée → trouvable, p50", value(run, "fresh.p50"), "%.0f ms", "—", null));
            md.append(row("modification validée → trouvable, p99 (" + run.getProperty("fresh.count") + " changements, "
                + run.getProperty("fresh.timeouts") + " hors délai de 10 s)", value(run, "fresh.p99"), "%.0f ms", "≤ 2 000 ms",
                value(run, "fresh.p99") <= 2000 && "0".equals(run.getProperty("fresh.timeouts"))));
        }
        md.append(String.format(Locale.FRENCH, "%nPire p95 de l'API toutes familles confondues : %.1f ms.%n", worstApiP95));
        RelevanceBench.section(md, run);
        md.append('\n');
    }

    /** {@code measure} of target a over target b for one kind of search, e.g. API p95 over Elasticsearch p95. */
    private static double ratio(Properties run, String a, String b, String kind, String measure) {
        return value(run, "scenario." + a + "." + kind + "." + measure) / value(run, "scenario." + b + "." + kind + "." + measure);
    }

    private static String row(String label, double value, String format, String target, Boolean met) {
        return String.format("| %s | %s | %s | %s |%n", label, String.format(Locale.FRENCH, format, value), target,
            met == null ? "—" : met ? "oui" : "**non**");
    }

    private static double worst(Properties run, String target, String measure) {
        double worst = 0;
        for (String[] kind : KINDS) {
            worst = Math.max(worst, value(run, "scenario." + target + "." + kind[0] + "." + measure));
        }
        return worst;
    }

    private static double value(Properties run, String key) {
        String value = run.getProperty(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    /** CPU per request; nothing for a process the target does not use (the portal for Elasticsearch direct, both for PostgreSQL). */
    private static String cpu(Properties run, String key) {
        boolean unused = key.startsWith("scenario.pg.") || key.startsWith("scenario.es.") && key.endsWith(".portal");
        if (unused || run.getProperty(key) == null) {
            return "—";
        }
        String jit = key.replace(".portal", ".jit");
        return key.endsWith(".portal") && run.getProperty(jit) != null
            ? number(run, key, "%.2f") + " (JIT " + number(run, jit, "%.2f") + ")" : number(run, key, "%.2f");
    }

    private static String number(Properties run, String key, String format) {
        return String.format(Locale.FRENCH, format, value(run, key));
    }

    private static String machine() throws IOException, InterruptedException {
        String memory = "?";
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memory = String.format(Locale.FRENCH, "%.1f Gio", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
            }
        }
        String cpu = "?";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                cpu = line.substring(line.indexOf(':') + 1).strip();
                break;
            }
        }
        String heap = "?";
        String es = System.getenv().getOrDefault("VIVIER_ELASTICSEARCH_URL", "http://127.0.0.1:59200");
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(es + "/_nodes/jvm")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            Matcher max = Pattern.compile("\"heap_max_in_bytes\"\\s*:\\s*(\\d+)").matcher(body);
            Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (max.find()) {
                heap = String.format("%d Mio", Long.parseLong(max.group(1)) / 1024 / 1024)
                    + (version.find() ? " (Elasticsearch " + version.group(1) + ")" : "");
            }
        } catch (IOException e) {
            heap = "inconnu (" + e.getMessage() + ")";
        }
        return String.format("Machine : %d cœurs (`nproc`), %s de mémoire, %s ; tas Elasticsearch %s ; Java %s.%n",
            Runtime.getRuntime().availableProcessors(), memory, cpu, heap, System.getProperty("java.version"));
    }
}
