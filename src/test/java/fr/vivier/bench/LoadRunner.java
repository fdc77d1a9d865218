package fr.vivier.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Closed-loop load: a fixed pool of client threads, each sending its next search as soon as the previous one
 * answered (no think time). After a warm-up whose timings are discarded, every latency is kept for the
 * measured duration; percentiles are exact (sorted), throughput is completed searches per second. CPU meters
 * (a process's CPU time) are read at the start and the end of the measured duration: CPU per search is less
 * disturbed than latency by other work on a shared machine.
 */
final class LoadRunner {
    /** One client's connection to what is measured (its own HTTP client or JDBC connection). */
    interface Client extends AutoCloseable {
        /** Runs one search; returns false when it failed (an error status); a timeout throws an IOException, counted as an error too. */
        boolean search(QueryMix.BenchQuery query) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** CPU time used so far by a process, in milliseconds. */
    interface CpuMeter {
        double millis() throws Exception;
    }

    record Result(String scenario, int clients, long requests, long errors, double seconds, double p50, double p95, double p99,
                  Map<String, Double> cpuMillisPerRequest) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final int clients;
    private final double warmupSeconds;
    private final double seconds;

    LoadRunner(int clients, double warmupSeconds, double seconds) {
        this.clients = clients;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }

    Result run(String scenario, List<QueryMix.BenchQuery> queries, Supplier<Client> connect, Map<String, CpuMeter> meters) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                try (Client connection = connect.get()) {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        QueryMix.BenchQuery query = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
                        boolean ok;
                        try {
                            ok = connection.search(query);
                        } catch (java.io.IOException e) {
                            ok = false;
                        }
                        long after = System.nanoTime();
                        if (now >= measureFrom && after <= end) {
                            if (!ok) {
                                errors[client]++;
                            }
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = after - now;
                        }
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        Map<String, Double> cpuFrom = readAt(meters, measureFrom);
        Map<String, Double> cpuTo = readAt(meters, end);
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuTo.forEach((name, millis) -> cpu.put(name, (millis - cpuFrom.get(name)) / Math.max(1, merged.length)));
        return new Result(scenario, clients, merged.length, Arrays.stream(errors).sum(), seconds,
            percentile(merged, 0.50), percentile(merged, 0.95), percentile(merged, 0.99), cpu);
    }

    /** Waits until the instant (System.nanoTime) and reads every meter. */
    private static Map<String, Double> readAt(Map<String, CpuMeter> meters, long instant) throws Exception {
        long wait = instant - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, CpuMeter> meter : meters.entrySet()) {
            values.put(meter.getKey(), meter.getValue().millis());
        }
        return values;
    }

    /** Milliseconds; nearest-rank percentile. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
    }
}
