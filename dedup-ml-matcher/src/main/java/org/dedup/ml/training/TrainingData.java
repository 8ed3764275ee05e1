package org.dedup.ml.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Labelled pairs to learn from, the records they come from (for the value frequencies) and where they came from.
 * Built from labelled record files (every true pair, plus the blocked candidate pairs that are not duplicates: the
 * hard negatives a matcher actually meets), from labelled pair files, or from a tenant's own decisions.
 */
public record TrainingData(List<LabelledPair> pairs, List<PersonRecord> records, List<String> sources) {
    public TrainingData {
        pairs = List.copyOf(pairs);
        records = List.copyOf(records);
        sources = List.copyOf(sources);
    }

    /** Fails, naming the sources, unless there are duplicate and non-duplicate pairs to learn from. */
    public void requireBothKinds() {
        if (matches() == 0 || matches() == pairs.size()) {
            throw new InvalidRecordException("training data needs both duplicate and non-duplicate pairs; sources "
                    + sources + " give " + matches() + " duplicates of " + pairs.size() + " pairs");
        }
    }

    public static TrainingData fromRecords(LabelledRecords labelled, Blocker blocker, String source) {
        Map<String, LabelledPair> pairs = new LinkedHashMap<>();
        for (PersonPair pair : labelled.truePairs()) {
            pairs.put(key(pair), new LabelledPair(pair, true));
        }
        for (PersonPair pair : blocker.dedupPairs(labelled.records())) {
            pairs.putIfAbsent(key(pair), new LabelledPair(pair, labelled.sameEntity(pair.first(), pair.second())));
        }
        return new TrainingData(new ArrayList<>(pairs.values()), labelled.records(), List.of(source));
    }

    public static TrainingData fromPairs(List<LabelledPair> pairs, String source) {
        Map<String, PersonRecord> records = new LinkedHashMap<>();
        for (LabelledPair pair : pairs) {
            records.putIfAbsent(pair.pair().first().id(), pair.pair().first());
            records.putIfAbsent(pair.pair().second().id(), pair.pair().second());
        }
        return new TrainingData(pairs, new ArrayList<>(records.values()), List.of(source));
    }

    public TrainingData plus(TrainingData other) {
        List<LabelledPair> allPairs = new ArrayList<>(pairs);
        allPairs.addAll(other.pairs);
        List<PersonRecord> allRecords = new ArrayList<>(records);
        allRecords.addAll(other.records);
        List<String> allSources = new ArrayList<>(sources);
        allSources.addAll(other.sources);
        return new TrainingData(allPairs, allRecords, allSources);
    }

    public int matches() {
        return (int) pairs.stream().filter(LabelledPair::match).count();
    }

    private static String key(PersonPair pair) {
        String a = pair.first().id();
        String b = pair.second().id();
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
