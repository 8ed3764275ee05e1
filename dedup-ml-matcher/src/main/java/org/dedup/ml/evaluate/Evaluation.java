package org.dedup.ml.evaluate;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Evaluates a model on labelled records the way it runs in production: blocking proposes candidate pairs, the
 * model scores them, and a true pair blocking missed counts as a missed duplicate.
 */
public final class Evaluation {
    private final MatchModel model;
    private final Blocker blocker;

    public Evaluation(MatchModel model, Blocker blocker) {
        this.model = model;
        this.blocker = blocker;
    }

    /** Deduplication of one record set. */
    public EvaluationResult dedup(String dataset, LabelledRecords records) {
        long n = records.records().size();
        return score(dataset, records, blocker.dedupPairs(records.records()), n * (n - 1) / 2,
                records.truePairCount());
    }

    /** Linkage of {@code left} against {@code right}: only pairs across the two sets count. */
    public EvaluationResult linkage(String dataset, LabelledRecords left, LabelledRecords right) {
        LabelledRecords both = left.plus(right);
        long crossingTruePairs = both.truePairCount() - left.truePairCount() - right.truePairCount();
        return score(dataset, both, blocker.linkagePairs(left.records(), right.records()),
                (long) left.records().size() * right.records().size(), crossingTruePairs);
    }

    private EvaluationResult score(String dataset, LabelledRecords truth, List<PersonPair> candidates,
                                   long possiblePairs, long truePairs) {
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        double[] probabilities = new double[candidates.size()];
        boolean[] matches = new boolean[candidates.size()];
        long trueCandidates = 0;
        for (int i = 0; i < candidates.size(); i++) {
            PersonPair pair = candidates.get(i);
            probabilities[i] = model.probability(prepared.computeIfAbsent(pair.first(), model::prepare),
                    prepared.computeIfAbsent(pair.second(), model::prepare));
            matches[i] = truth.sameEntity(pair.first(), pair.second());
            trueCandidates += matches[i] ? 1 : 0;
        }
        BlockingReport blocking = new BlockingReport(candidates.size(), possiblePairs, trueCandidates, truePairs);
        return new EvaluationResult(dataset, model.metadata(), model.thresholds().merge(), blocking,
                new ScoredPairs(probabilities, matches, truePairs - trueCandidates));
    }
}
