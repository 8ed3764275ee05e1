package org.dedup.ml.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Person records with the id of the real-world entity each belongs to (its cluster): two records are the same
 * person exactly when their clusters are equal. The source of labelled pairs for training and of the ground
 * truth for evaluation.
 */
public record LabelledRecords(List<PersonRecord> records, Map<String, String> clusterOf) {
    public LabelledRecords {
        records = List.copyOf(records);
        clusterOf = Map.copyOf(clusterOf);
        for (PersonRecord record : records) {
            if (!clusterOf.containsKey(record.id())) {
                throw new IllegalArgumentException("record " + record.id() + " has no cluster");
            }
        }
    }

    public boolean sameEntity(PersonRecord first, PersonRecord second) {
        return clusterOf.get(first.id()).equals(clusterOf.get(second.id()));
    }

    /** Every pair of records of the same cluster: the true duplicate pairs. */
    public long truePairCount() {
        Map<String, Integer> sizes = new HashMap<>();
        records.forEach(r -> sizes.merge(clusterOf.get(r.id()), 1, Integer::sum));
        return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }

    /** The true pairs of records, as in {@link #truePairCount()}. */
    public List<PersonPair> truePairs() {
        Map<String, List<PersonRecord>> clusters = new HashMap<>();
        records.forEach(r -> clusters.computeIfAbsent(clusterOf.get(r.id()), c -> new ArrayList<>()).add(r));
        List<PersonPair> pairs = new ArrayList<>();
        for (List<PersonRecord> cluster : clusters.values()) {
            for (int i = 0; i < cluster.size(); i++) {
                for (int j = i + 1; j < cluster.size(); j++) {
                    pairs.add(new PersonPair(cluster.get(i), cluster.get(j)));
                }
            }
        }
        return pairs;
    }

    /** The first {@code count} records (all of them when there are fewer). */
    public LabelledRecords first(int count) {
        List<PersonRecord> kept = records.subList(0, Math.min(count, records.size()));
        Map<String, String> clusters = new HashMap<>();
        kept.forEach(r -> clusters.put(r.id(), clusterOf.get(r.id())));
        return new LabelledRecords(kept, clusters);
    }

    public LabelledRecords plus(LabelledRecords other) {
        List<PersonRecord> all = new ArrayList<>(records);
        all.addAll(other.records);
        Map<String, String> clusters = new HashMap<>(clusterOf);
        other.clusterOf.forEach((id, cluster) -> {
            if (clusters.put(id, cluster) != null) {
                throw new IllegalArgumentException("record id " + id + " is in both record sets");
            }
        });
        return new LabelledRecords(all, clusters);
    }
}
