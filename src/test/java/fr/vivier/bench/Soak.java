package fr.vivier.bench;

import fr.vivier.testsupport.RawHttpConnection;
import fr.vivier.testsupport.WebClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak run of {@code ./vivier bench soak}: for SOAK_MINUTES, SOAK_CLIENTS closed-loop clients send a mix of what
 * the portal sees in a day (home, search page and API, profiles, forms, a staff member's pages) and of error paths
 * sent the slow way (headers, then the body): staff form posts on unknown suppliers (404), posts without CSRF token
 * (403), unreadable ids (400), invalid API bodies (400), unknown pages. Every request must answer with the expected
 * status within 10 s. Per minute it writes requests, errors and p50/p95/p99 to SOAK_OUT/minutes.csv; the script
 * samples the portal's heap beside it. Exit status 1 when any request failed.
 */
public final class Soak {
    private record Step(String name, int expectedStatus, Action action) { }

    @FunctionalInterface
    private interface Action {
        int run(Client client) throws Exception;
    }

    /** One simulated person: a signed-in staff browser, and a raw connection for the slow error paths. */
    private static final class Client implements AutoCloseable {
        final WebClient staff;
        final WebClient anonymous;
        final URI portal;
        RawHttpConnection raw;

        Client(URI portal) throws IOException {
            this.portal = portal;
            this.staff = new WebClient(portal);
            int signIn = staff.signIn("agent@vivier.example", "Vivier-demo-2026").statusCode();
            if (signIn != 303) {
                throw new IllegalStateException("connexion du compte de démonstration agent@vivier.example impossible : " + signIn);
            }
            staff.get("/agents/fiches");
            this.anonymous = new WebClient(portal);
            this.raw = new RawHttpConnection(portal, 10_000);
        }

        int slowPost(String path, String contentType, String body, boolean signedIn) throws Exception {
            Map<String, String> headers = signedIn ? Map.of("Cookie", "SESSION=" + staff.cookie("SESSION")) : Map.of();
            try {
                return raw.post(path, headers, contentType, body, 30).status();
            } catch (IOException e) {
                raw.close();
                raw = new RawHttpConnection(portal, 10_000);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    private static final String[] WORDS = {"espaces verts", "nettoyage", "traiteur", "menuiserie", "insertion", "textile",
        "recyclage", "bâtiment", "imprimerie", "restauration"};

    private static final List<Step> MIX = List.of(
        new Step("accueil", 200, c -> c.anonymous.get("/").statusCode()),
        new Step("recherche (page)", 200, c -> c.anonymous.get("/fournisseurs?q=" + word()).statusCode()),
        new Step("recherche (API)", 200, c -> c.anonymous.get("/api/v1/suppliers/search?q=" + word()).statusCode()),
        new Step("formulaire d'inscription", 200, c -> c.anonymous.get("/inscription").statusCode()),
        new Step("file de modération (agent)", 200, c -> c.staff.get("/agents/fiches").statusCode()),
        new Step("page inconnue", 404, c -> c.anonymous.get("/pas-une-page-" + ThreadLocalRandom.current().nextInt()).statusCode()),
        new Step("fiche inconnue", 404, c -> c.anonymous.get("/fournisseurs/%00").statusCode()),
        new Step("fusion d'une fiche inconnue, corps lent (404)", 404, c -> c.slowPost("/agents/fiches/999999999/fusion",
            "application/x-www-form-urlencoded", "_csrf=" + c.staff.csrfToken() + "&duplicateId=1", true)),
        new Step("refus sans jeton CSRF, corps lent (403)", 403, c -> c.slowPost("/agents/fiches/999999999/refus",
            "application/x-www-form-urlencoded", "rejectionReason=x", true)),
        new Step("identifiant illisible, corps lent (400)", 400, c -> c.slowPost("/agents/fiches/abc/refus",
            "application/x-www-form-urlencoded", "_csrf=" + c.staff.csrfToken() + "&rejectionReason=x", true)),
        new Step("API, JSON illisible, corps lent (400)", 400, c -> c.slowPost("/api/v1/suppliers", "application/json",
            "{\"siret\": [1,", false)));

    private static String word() {
        return WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)].replace(" ", "+").replace("â", "%C3%A2");
    }

    public static void main(String[] args) throws Exception {
        URI portal = URI.create(env("BENCH_PORTAL", "http://127.0.0.1:18080"));
        int clients = Integer.parseInt(env("SOAK_CLIENTS", "8"));
        double minutes = Double.parseDouble(env("SOAK_MINUTES", "30"));
        Path out = Path.of(env("SOAK_OUT", ".vivier/soak"));
        Files.createDirectories(out);

        long end = System.nanoTime() + (long) (minutes * 60e9);
        List<List<Long>> latenciesPerMinute = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<AtomicLong> errorsPerMinute = new ArrayList<>();
        int totalMinutes = (int) Math.ceil(minutes);
        for (int m = 0; m < totalMinutes; m++) {
            latenciesPerMinute.add(java.util.Collections.synchronizedList(new ArrayList<>()));
            errorsPerMinute.add(new AtomicLong());
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                try (Client client = new Client(portal)) {
                    int unreachable = 0;
                    for (int i = offset; System.nanoTime() < end && unreachable < 100; i++) {
                        Step step = MIX.get(Math.floorMod(i, MIX.size()));
                        long before = System.nanoTime();
                        int status;
                        try {
                            status = step.action().run(client);
                        } catch (Exception e) {
                            status = -1;
                        }
                        // a portal that stopped answering altogether ends the run instead of counting millions of refusals
                        unreachable = status == -1 ? unreachable + 1 : 0;
                        long after = System.nanoTime();
                        int minute = (int) Math.min(totalMinutes - 1, (after - start) / 60_000_000_000L);
                        latenciesPerMinute.get(minute).add(after - before);
                        if (status != step.expectedStatus()) {
                            errors.incrementAndGet();
                            errorsPerMinute.get(minute).incrementAndGet();
                            System.err.printf("%s : statut %d au lieu de %d%n", step.name(), status, step.expectedStatus());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        StringBuilder csv = new StringBuilder("minute,requests,errors,p50_ms,p95_ms,p99_ms\n");
        long total = 0;
        List<Long> all = new ArrayList<>();
        for (int m = 0; m < totalMinutes; m++) {
            long[] sorted = latenciesPerMinute.get(m).stream().mapToLong(Long::longValue).sorted().toArray();
            total += sorted.length;
            Arrays.stream(sorted).forEach(all::add);
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.1f,%.1f,%.1f%n", m + 1, sorted.length, errorsPerMinute.get(m).get(),
                LoadRunner.percentile(sorted, 0.50), LoadRunner.percentile(sorted, 0.95), LoadRunner.percentile(sorted, 0.99)));
        }
        Files.writeString(out.resolve("minutes.csv"), csv);
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        String summary = String.format(Locale.ROOT, "requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f req_per_s=%.1f%n",
            total, errors.get(), LoadRunner.percentile(sorted, 0.50), LoadRunner.percentile(sorted, 0.95),
            LoadRunner.percentile(sorted, 0.99), total / ((System.nanoTime() - start) / 1e9));
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
