package org.dedup.ml.model;

import java.util.List;
import java.util.Map;

import java.util.Set;

import org.dedup.ml.features.FeatureSchema;
import org.dedup.ml.record.RecordSchema;

/**
 * What a model artifact says about itself: its format, the record schema it compares and the feature schema that
 * follows from it, the blocking rules chosen, the algorithm, the thresholds, what it was trained on, how well it did
 * on held-out pairs, what training noticed and the library versions that made it.
 */
public record ModelMetadata(int formatVersion, RecordSchema recordSchema, FeatureSchema featureSchema,
                            Blocking blocking, Algorithm algorithm, Thresholds thresholds, TrainingSummary training,
                            HeldOutMetrics heldOut, List<String> notes, Map<String, String> libraries,
                            String createdAt) {
    public static final int FORMAT_VERSION = 2;

    public ModelMetadata {
        libraries = Map.copyOf(libraries);
        notes = List.copyOf(notes);
    }

    /**
     * The blocking rules a model uses, the keys too common to block on, and what the rules found on the training
     * records (pairs completeness and candidate pairs per record).
     */
    public record Blocking(List<String> rules, Set<String> commonKeys, double pairsCompleteness,
                           double candidatesPerRecord) {
        public Blocking {
            rules = List.copyOf(rules);
            commonKeys = Set.copyOf(commonKeys);
        }
    }

    /** A pair at or above {@code merge} is a duplicate; at or above {@code review}, a possible duplicate. */
    public record Thresholds(double merge, double review) {
        public Thresholds {
            if (!(review >= 0 && review <= merge && merge <= 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 <= review <= merge <= 1, were review "
                        + review + " and merge " + merge);
            }
        }
    }

    /**
     * The data a model learnt from; {@code candidateMatchShare} is the share of duplicates among the blocked
     * candidates, the prior its probabilities are corrected to.
     */
    public record TrainingSummary(List<String> sources, int records, int pairs, int matches, int nonMatches,
                                  long seed, double candidateMatchShare) {
        public TrainingSummary {
            sources = List.copyOf(sources);
        }
    }

    /**
     * Precision, recall and F1 at the merge threshold on the pairs held out for calibration, weighted to the
     * candidate distribution; {@code matches} of the held-out pairs are duplicates.
     */
    public record HeldOutMetrics(int pairs, int matches, double precision, double recall, double f1) {
    }
}
