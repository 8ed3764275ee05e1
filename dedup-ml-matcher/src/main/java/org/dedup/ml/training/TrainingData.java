package org.dedup.ml.training;

import java.util.ArrayList;
import java.util.List;

import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;

/**
 * What to learn from: labelled record sets (each gives its true pairs, the candidates blocking proposes in the
 * whole set and random pairs, as a tenant meets them), labelled pairs (from files or a tenant's own decisions),
 * and where they came from. The sets of {@code baseSets} are a shipped recipe's data learnt along with the
 * engineer's own, so a small labelled file adds to what the shipped model knows instead of replacing it; the
 * thresholds are chosen on the engineer's data.
 */
public record TrainingData(List<LabelledRecords> recordSets, List<LabelledRecords> baseSets,
                           List<LabelledPair> pairs, List<String> sources) {
    public TrainingData {
        recordSets = List.copyOf(recordSets);
        baseSets = List.copyOf(baseSets);
        pairs = List.copyOf(pairs);
        sources = List.copyOf(sources);
    }

    public static TrainingData fromRecords(LabelledRecords labelled, String source) {
        return new TrainingData(List.of(labelled), List.of(), List.of(), List.of(source));
    }

    /** The same data learnt as base data (see the type's description). */
    public TrainingData asBase() {
        List<LabelledRecords> base = new ArrayList<>(baseSets);
        base.addAll(recordSets);
        return new TrainingData(List.of(), base, pairs, sources.stream().map(s -> "base: " + s).toList());
    }

    /** Every labelled record set, the engineer's first. */
    public List<LabelledRecords> allSets() {
        List<LabelledRecords> all = new ArrayList<>(recordSets);
        all.addAll(baseSets);
        return all;
    }

    public static TrainingData fromPairs(List<LabelledPair> pairs, String source) {
        return new TrainingData(List.of(), List.of(), pairs, List.of(source));
    }

    public TrainingData plus(TrainingData other) {
        List<LabelledRecords> sets = new ArrayList<>(recordSets);
        sets.addAll(other.recordSets);
        List<LabelledRecords> base = new ArrayList<>(baseSets);
        base.addAll(other.baseSets);
        List<LabelledPair> allPairs = new ArrayList<>(pairs);
        allPairs.addAll(other.pairs);
        List<String> allSources = new ArrayList<>(sources);
        allSources.addAll(other.sources);
        return new TrainingData(sets, base, allPairs, allSources);
    }

    /** Every record, of the sets and of the pairs (for the value frequencies). */
    public List<PersonRecord> records() {
        List<PersonRecord> records = new ArrayList<>();
        allSets().forEach(set -> records.addAll(set.records()));
        pairs.forEach(p -> {
            records.add(p.pair().first());
            records.add(p.pair().second());
        });
        return records;
    }
}
