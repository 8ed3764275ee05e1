package org.dedup.ml.evaluate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.blocking.BlockingAnalysis;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Evaluates a model on labelled records the way it runs in production: the model's blocking keys propose candidate
 * pairs, the model scores them, the evidence rules veto merges, and a true pair blocking missed counts as a missed
 * duplicate.
 */
public final class Evaluation {
    private final MatchModel model;
    private final Blocker blocker;

    public Evaluation(MatchModel model) {
        this.model = model;
        this.blocker = model.blocker();
    }

    /** Deduplication of one record set, with a blocking report per rule. */
    public EvaluationResult dedup(String dataset, LabelledRecords records) {
        long n = records.records().size();
        List<BlockingAnalysis.RuleReport> perRule = new ArrayList<>();
        BlockingAnalysis analysis = new BlockingAnalysis(records, model.blockingKeys().rules(), blocker.maxBlock());
        model.blockingKeys().names().forEach(rule -> perRule.add(analysis.report(rule)));
        return score(dataset, records, blocker.dedupPairs(records.records()), n * (n - 1) / 2,
                records.truePairCount(), perRule);
    }

    /** Linkage of {@code left} against {@code right}: only pairs across the two sets count. */
    public EvaluationResult linkage(String dataset, LabelledRecords left, LabelledRecords right) {
        LabelledRecords both = left.plus(right);
        long crossingTruePairs = both.truePairCount() - left.truePairCount() - right.truePairCount();
        return score(dataset, both, blocker.linkagePairs(left.records(), right.records()),
                (long) left.records().size() * right.records().size(), crossingTruePairs, List.of());
    }

    private EvaluationResult score(String dataset, LabelledRecords truth, List<PersonPair> candidates,
                                   long possiblePairs, long truePairs, List<BlockingAnalysis.RuleReport> perRule) {
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        double[] probabilities = new double[candidates.size()];
        boolean[] matches = new boolean[candidates.size()];
        boolean[] vetoed = new boolean[candidates.size()];
        long trueCandidates = 0;
        for (int i = 0; i < candidates.size(); i++) {
            PersonPair pair = candidates.get(i);
            probabilities[i] = model.probability(prepared.computeIfAbsent(pair.first(), model::prepare),
                    prepared.computeIfAbsent(pair.second(), model::prepare));
            matches[i] = truth.sameEntity(pair.first(), pair.second());
            vetoed[i] = model.brokenRule(pair.first(), pair.second()).isPresent();
            trueCandidates += matches[i] ? 1 : 0;
        }
        BlockingReport blocking = new BlockingReport(candidates.size(), possiblePairs, trueCandidates, truePairs,
                truth.records().size(), perRule);
        return new EvaluationResult(dataset, model, model.thresholds().merge(), blocking,
                new ScoredPairs(probabilities, matches, vetoed, truePairs - trueCandidates), candidates, truth);
    }
}
