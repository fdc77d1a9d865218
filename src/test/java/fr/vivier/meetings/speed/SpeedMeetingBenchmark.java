package fr.vivier.meetings.speed;

import fr.vivier.meetings.speed.SpeedMeetingScheduler.Schedule;
import fr.vivier.meetings.speed.SpeedMeetingScheduler.Wish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The speed-meeting benchmark of issue 14, run by {@code ./vivier bench meetings} (not part of the test suite): BENCH_TABLES
 * (60) buyer tables, BENCH_SUPPLIERS (400) suppliers, BENCH_SLOTS (16) slots and BENCH_WISHES (3 000) wishes drawn with a
 * fixed seed (BENCH_SEED, 14): two thirds from buyers, a third from suppliers, a few popular suppliers wished more, a
 * quarter of the suppliers' wishes answering a buyer's (mutual). Prints the build time and the quality; exit code 1 when
 * the build takes more than 10 s or satisfies less than 95 % of the upper bound.
 */
public final class SpeedMeetingBenchmark {
    private SpeedMeetingBenchmark() {
    }

    public static void main(String[] args) {
        int tables = setting("BENCH_TABLES", 60);
        int suppliers = setting("BENCH_SUPPLIERS", 400);
        int slots = setting("BENCH_SLOTS", 16);
        int wishCount = setting("BENCH_WISHES", 3000);
        long seed = setting("BENCH_SEED", 14);
        List<Wish> wishes = wishes(tables, suppliers, wishCount, new Random(seed));
        List<Long> buyerIds = LongStream.rangeClosed(1, tables).boxed().toList();
        List<Long> supplierIds = LongStream.rangeClosed(1001, 1000 + suppliers).boxed().toList();
        SpeedMeetingScheduler.build(buyerIds, supplierIds, wishes.subList(0, Math.min(200, wishes.size())), 2);
        long start = System.nanoTime();
        Schedule schedule = SpeedMeetingScheduler.build(buyerIds, supplierIds, wishes, slots);
        double seconds = (System.nanoTime() - start) / 1e9;
        SpeedMeetingScheduler.Quality quality = schedule.quality();
        System.out.printf("%d tables, %d fournisseurs, %d créneaux, %d souhaits (%d paires distinctes), graine %d%n", tables, suppliers,
            slots, wishes.size(), quality.wishedPairs(), seed);
        System.out.printf("planning construit en %.2f s : %d rencontres, %d paires souhaitées satisfaites sur une borne de %d (%.1f %%)%n",
            seconds, schedule.meetings().size(), quality.satisfied(), quality.upperBound(), quality.percentOfBound());
        System.out.printf("rencontres par fournisseur : min %d, médiane %.1f ; %d fournisseur(s) souhaité(s) ou souhaitant sans rencontre%n",
            quality.minPerSupplier(), quality.medianPerSupplier(), quality.wishedSuppliersWithoutMeeting());
        boolean passed = seconds <= 10 && quality.percentOfBound() >= 95;
        System.out.println(passed ? "objectifs atteints (≤ 10 s, ≥ 95 % de la borne)" : "OBJECTIFS NON ATTEINTS (≤ 10 s, ≥ 95 % de la borne)");
        System.exit(passed ? 0 : 1);
    }

    private static List<Wish> wishes(int tables, int suppliers, int count, Random random) {
        List<Wish> wishes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (wishes.size() < count) {
            long buyer = 1 + random.nextInt(tables);
            // a fifth of the suppliers draw half of the buyers' wishes: some structures are popular
            long supplier = 1001 + (random.nextBoolean() ? random.nextInt(Math.max(1, suppliers / 5)) : random.nextInt(suppliers));
            boolean fromBuyer = random.nextInt(3) < 2;
            if (seen.add(buyer + "-" + supplier + "-" + fromBuyer)) {
                wishes.add(new Wish(buyer, supplier, 1 + random.nextInt(3), fromBuyer));
                if (fromBuyer && random.nextInt(8) == 0 && wishes.size() < count && seen.add(buyer + "-" + supplier + "-false")) {
                    wishes.add(new Wish(buyer, supplier, 1 + random.nextInt(3), false));
                }
            }
        }
        return wishes;
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
