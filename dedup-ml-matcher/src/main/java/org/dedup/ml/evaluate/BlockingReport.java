package org.dedup.ml.evaluate;

import java.util.List;

import org.dedup.ml.blocking.BlockingAnalysis;

/**
 * How well blocking did: pairs completeness (the share of true pairs among the candidates), reduction ratio (the
 * share of all possible pairs never compared), candidate pairs per record, and the same per rule.
 */
public record BlockingReport(long candidatePairs, long possiblePairs, long trueCandidatePairs, long truePairs,
                             long records, List<BlockingAnalysis.RuleReport> perRule) {
    public BlockingReport {
        perRule = List.copyOf(perRule);
    }

    public double pairsCompleteness() {
        return truePairs == 0 ? 1.0 : (double) trueCandidatePairs / truePairs;
    }

    public double reductionRatio() {
        return possiblePairs == 0 ? 0.0 : 1.0 - (double) candidatePairs / possiblePairs;
    }

    public double candidatesPerRecord() {
        return records == 0 ? 0.0 : (double) candidatePairs / records;
    }
}
