package fr.vivier.meetings.speed;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a speed-meeting schedule: in each slot, each buyer table meets at most one supplier and each supplier at most one
 * table; a pair meets at most once; only pairs someone wished to meet are scheduled.
 *
 * <p>Why this algorithm: each slot is a <em>maximum-weight bipartite matching</em> between tables and suppliers, solved
 * exactly by JGraphT's {@link MaximumWeightBipartiteMatching} (primal-dual Hungarian method, O(V·(E + V log V))), slot
 * after slot. The weights carry the rules in their order: a mutual wish weighs more than any one-sided wish whatever the
 * priorities ({@value #MUTUAL} versus at most {@value #ONE_SIDED} + 3 × {@value #PRIORITY_STEP}), then priority 1 beats 2
 * beats 3, and a fairness term lowers a pair's weight by {@value #FAIRNESS} per meeting its supplier already has, so that
 * between equal wishes the least-served supplier goes first (it never turns a mutual wish below a one-sided one: 16 slots
 * × {@value #FAIRNESS} is less than the gap). Last, as a mere tie-break (at most {@value #URGENCY} × 2 × the slots left,
 * far below a fairness step), pairs whose table and supplier have the most wished pairs still to meet, capped by the slots
 * left, go first: the others can wait for a later slot (without it, three tables wanting the same two suppliers over
 * three slots could end with five meetings instead of six). A constraint solver (Timefold) would search the whole day at once, but needs a
 * time budget and gives no guarantee per slot; the matching is exact for each slot, deterministic, and fast enough for
 * 60 tables × 400 suppliers × 16 slots well under a second (see {@code ./vivier bench meetings}). Matching slot by slot is
 * not a global optimum, which is why {@link Quality} reports the result against an upper bound.
 */
final class SpeedMeetingScheduler {
    static final int MUTUAL = 100_000;
    static final int ONE_SIDED = 10_000;
    static final int PRIORITY_STEP = 3_000;
    static final int FAIRNESS = 2_500;
    static final int URGENCY = 1;

    private SpeedMeetingScheduler() {
    }

    /** Someone's wish to meet someone else: {@code fromBuyer} says who wished; priority 1 (most wanted) to 3. */
    record Wish(long buyer, long supplier, int priority, boolean fromBuyer) { }

    /** One meeting: slot number (from 0), buyer's registration, supplier's registration. */
    record Meeting(int slot, long buyer, long supplier) { }

    /**
     * How good the schedule is: distinct wished pairs, those met, an upper bound of what any schedule could meet (the
     * smaller of the sums, over tables and over suppliers, of each one's wished pairs capped by the number of slots), and
     * meetings per supplier registered (the least and the median, suppliers without any meeting included), and the suppliers
     * someone wished to meet (or who wished) left without any meeting.
     */
    record Quality(int wishedPairs, int satisfied, int upperBound, int minPerSupplier, double medianPerSupplier,
                   int wishedSuppliersWithoutMeeting) {
        /** Satisfied pairs as a percentage of the upper bound (100 when nothing was wished). */
        double percentOfBound() {
            return upperBound == 0 ? 100 : 100.0 * satisfied / upperBound;
        }
    }

    record Schedule(List<Meeting> meetings, Quality quality) { }

    private record Pair(long buyer, long supplier) { }

    private record Vertex(boolean buyer, long id) { }

    /** The pair's weight before fairness: mutual first, then by the wishers' priorities. */
    private static final class PairWishes {
        Integer buyerPriority;
        Integer supplierPriority;

        int weight() {
            if (buyerPriority != null && supplierPriority != null) {
                return MUTUAL + (4 - buyerPriority) * PRIORITY_STEP / 3 + (4 - supplierPriority) * PRIORITY_STEP / 3;
            }
            return ONE_SIDED + (4 - (buyerPriority != null ? buyerPriority : supplierPriority)) * PRIORITY_STEP;
        }
    }

    static Schedule build(Collection<Long> buyers, Collection<Long> suppliers, List<Wish> wishes, int slots) {
        Map<Pair, PairWishes> pairs = pairs(buyers, suppliers, wishes);
        Map<Long, Integer> perSupplier = new HashMap<>();
        suppliers.forEach(supplier -> perSupplier.put(supplier, 0));
        Set<Pair> met = new HashSet<>();
        List<Meeting> meetings = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            for (Pair pair : slotMatching(pairs, met, perSupplier, slots - slot)) {
                meetings.add(new Meeting(slot, pair.buyer(), pair.supplier()));
                met.add(pair);
                perSupplier.merge(pair.supplier(), 1, Integer::sum);
            }
        }
        return new Schedule(meetings, quality(pairs.keySet(), met, perSupplier, slots));
    }

    private static Map<Pair, PairWishes> pairs(Collection<Long> buyers, Collection<Long> suppliers, List<Wish> wishes) {
        Set<Long> buyerSet = new HashSet<>(buyers);
        Set<Long> supplierSet = new HashSet<>(suppliers);
        Map<Pair, PairWishes> pairs = new LinkedHashMap<>();
        for (Wish wish : wishes) {
            if (!buyerSet.contains(wish.buyer()) || !supplierSet.contains(wish.supplier())) {
                continue;
            }
            PairWishes pair = pairs.computeIfAbsent(new Pair(wish.buyer(), wish.supplier()), key -> new PairWishes());
            if (wish.fromBuyer()) {
                pair.buyerPriority = wish.priority();
            } else {
                pair.supplierPriority = wish.priority();
            }
        }
        return pairs;
    }

    private static List<Pair> slotMatching(Map<Pair, PairWishes> pairs, Set<Pair> met, Map<Long, Integer> perSupplier, int slotsLeft) {
        Map<Long, Integer> buyerPending = new HashMap<>();
        Map<Long, Integer> supplierPending = new HashMap<>();
        pairs.keySet().stream().filter(pair -> !met.contains(pair)).forEach(pair -> {
            buyerPending.merge(pair.buyer(), 1, Integer::sum);
            supplierPending.merge(pair.supplier(), 1, Integer::sum);
        });
        Graph<Vertex, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Vertex> tables = new HashSet<>();
        Set<Vertex> supplierSide = new HashSet<>();
        pairs.forEach((pair, wishes) -> {
            if (met.contains(pair)) {
                return;
            }
            Vertex table = new Vertex(true, pair.buyer());
            Vertex supplier = new Vertex(false, pair.supplier());
            graph.addVertex(table);
            graph.addVertex(supplier);
            tables.add(table);
            supplierSide.add(supplier);
            int urgency = URGENCY * (Math.min(buyerPending.get(pair.buyer()), slotsLeft) + Math.min(supplierPending.get(pair.supplier()), slotsLeft));
            int weight = Math.max(1, wishes.weight() - FAIRNESS * perSupplier.get(pair.supplier())) + urgency;
            graph.setEdgeWeight(graph.addEdge(table, supplier), weight);
        });
        if (tables.isEmpty()) {
            return List.of();
        }
        MatchingAlgorithm.Matching<Vertex, DefaultWeightedEdge> matching =
            new MaximumWeightBipartiteMatching<>(graph, tables, supplierSide).getMatching();
        List<Pair> chosen = new ArrayList<>();
        for (DefaultWeightedEdge edge : matching.getEdges()) {
            Vertex a = graph.getEdgeSource(edge);
            Vertex b = graph.getEdgeTarget(edge);
            Vertex table = a.buyer() ? a : b;
            Vertex supplier = a.buyer() ? b : a;
            chosen.add(new Pair(table.id(), supplier.id()));
        }
        chosen.sort((x, y) -> x.buyer() != y.buyer() ? Long.compare(x.buyer(), y.buyer()) : Long.compare(x.supplier(), y.supplier()));
        return chosen;
    }

    private static Quality quality(Set<Pair> wished, Set<Pair> met, Map<Long, Integer> perSupplier, int slots) {
        Map<Long, Integer> byBuyer = new HashMap<>();
        Map<Long, Integer> bySupplier = new HashMap<>();
        for (Pair pair : wished) {
            byBuyer.merge(pair.buyer(), 1, Integer::sum);
            bySupplier.merge(pair.supplier(), 1, Integer::sum);
        }
        int buyerBound = byBuyer.values().stream().mapToInt(count -> Math.min(count, slots)).sum();
        int supplierBound = bySupplier.values().stream().mapToInt(count -> Math.min(count, slots)).sum();
        int[] counts = perSupplier.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int min = counts.length == 0 ? 0 : counts[0];
        double median = counts.length == 0 ? 0
            : counts.length % 2 == 1 ? counts[counts.length / 2] : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2.0;
        int withoutMeeting = (int) bySupplier.keySet().stream().filter(supplier -> perSupplier.getOrDefault(supplier, 0) == 0).count();
        return new Quality(wished.size(), met.size(), Math.min(buyerBound, supplierBound), min, median, withoutMeeting);
    }
}
