package org.dedup.ml.evaluate;

/**
 * How well blocking did: pairs completeness (the share of true pairs among the candidates) and reduction ratio
 * (the share of all possible pairs never compared).
 */
public record BlockingReport(long candidatePairs, long possiblePairs, long trueCandidatePairs, long truePairs) {

    public double pairsCompleteness() {
        return truePairs == 0 ? 1.0 : (double) trueCandidatePairs / truePairs;
    }

    public double reductionRatio() {
        return possiblePairs == 0 ? 0.0 : 1.0 - (double) candidatePairs / possiblePairs;
    }
}
