package org.dedup.domain.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.RecordRef;

/**
 * Clusters linked records so that no cluster holds a pair that must stay apart: a pair marked "not a duplicate",
 * or a pair a model scored below its review threshold that nothing links directly. Records are joined along their
 * links (union-find); a cluster that would hold such a pair is built again from its own links, strongest first (the
 * pair with the largest summed weight: one per rule and value shared, the score of a model's link), each link joining
 * two clusters only when that puts no such pair together, so the weakest links are the ones left out and no weak
 * chain through a third record joins two records the model keeps apart. Ties go by the records' ids, so the same
 * records, links and constraints always give the same clusters.
 */
final class Clustering {
    private Clustering() {
    }

    /**
     * The clusters of {@code records}: a union-find over their indexes in which no marked pair, and no pair of
     * {@code apartUnlessLinked} (indexes packed as {@code first << 32 | second}) that no link joins directly, is
     * joined.
     */
    static UnionFind of(List<RecordRef> records, Links links, Set<RecordPair> marked, long[] apartUnlessLinked) {
        UnionFind joined = new UnionFind(records.size());
        for (int link = 0; link < links.size(); link++) {
            joined.union(links.first(link), links.second(link));
        }
        Map<Integer, Set<Integer>> apart = apart(records, marked, joined);
        addScoredApart(apartUnlessLinked, links, joined, apart);
        if (apart.isEmpty()) {
            return joined;
        }
        Set<Integer> conflicted = new HashSet<>();
        apart.keySet().forEach(record -> conflicted.add(joined.find(record)));
        UnionFind kept = new UnionFind(records.size(), apart);
        Map<Long, Double> strength = new HashMap<>();
        for (int link = 0; link < links.size(); link++) {
            int a = links.first(link);
            int b = links.second(link);
            if (conflicted.contains(joined.find(a))) {
                strength.merge(pack(a, b), links.weight(link), Double::sum);
            } else {
                kept.union(a, b);
            }
        }
        List<Long> strongestFirst = new ArrayList<>(strength.keySet());
        strongestFirst.sort(Comparator.<Long>comparingDouble(strength::get).reversed()
                .thenComparing(pair -> new RecordPair(records.get((int) (pair >>> 32)),
                        records.get((int) (long) pair))));
        for (long pair : strongestFirst) {
            kept.unionUnlessApart((int) (pair >>> 32), (int) pair);
        }
        return kept;
    }

    static long pack(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** The scored pairs the links put in one cluster without linking them directly, added to {@code apart}. */
    private static void addScoredApart(long[] pairs, Links links, UnionFind joined, Map<Integer, Set<Integer>> apart) {
        Set<Long> together = new HashSet<>();
        for (long pair : pairs) {
            if (joined.find((int) (pair >>> 32)) == joined.find((int) pair)) {
                together.add(pair);
            }
        }
        if (together.isEmpty()) {
            return;
        }
        for (int link = 0; link < links.size(); link++) {
            together.remove(pack(links.first(link), links.second(link)));
        }
        for (long pair : together) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            apart.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            apart.computeIfAbsent(b, k -> new HashSet<>()).add(a);
        }
    }

    /** For each record of a marked pair that the links put in one cluster, the records it must stay apart from. */
    private static Map<Integer, Set<Integer>> apart(List<RecordRef> records, Set<RecordPair> marked,
                                                     UnionFind joined) {
        Map<Integer, Set<Integer>> apart = new HashMap<>();
        if (marked.isEmpty()) {
            return apart;
        }
        Set<RecordRef> markedRecords = new HashSet<>();
        marked.forEach(pair -> {
            markedRecords.add(pair.first());
            markedRecords.add(pair.second());
        });
        Map<RecordRef, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (markedRecords.contains(records.get(i))) {
                index.put(records.get(i), i);
            }
        }
        for (RecordPair pair : marked) {
            Integer a = index.get(pair.first());
            Integer b = index.get(pair.second());
            if (a != null && b != null && joined.find(a) == joined.find(b)) {
                apart.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                apart.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            }
        }
        return apart;
    }

    /**
     * Disjoint sets over record indexes, with path halving and union by size; each root knows the records its set
     * must stay apart from.
     */
    static final class UnionFind {
        private final int[] parent;
        private final int[] size;
        private final Map<Integer, Set<Integer>> apartOfRoot = new HashMap<>();

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        UnionFind(int n, Map<Integer, Set<Integer>> apart) {
            this(n);
            apart.forEach((record, others) -> apartOfRoot.put(record, new HashSet<>(others)));
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int swap = ra;
                ra = rb;
                rb = swap;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
            Set<Integer> movedApart = apartOfRoot.remove(rb);
            if (movedApart != null) {
                apartOfRoot.computeIfAbsent(ra, k -> new HashSet<>()).addAll(movedApart);
            }
        }

        /** Joins the sets of a and b unless one holds a record the other must stay apart from. */
        void unionUnlessApart(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb && !mustStayApart(ra, rb) && !mustStayApart(rb, ra)) {
                union(a, b);
            }
        }

        private boolean mustStayApart(int root, int otherRoot) {
            return apartOfRoot.getOrDefault(root, Set.of()).stream().anyMatch(record -> find(record) == otherRoot);
        }
    }
}
