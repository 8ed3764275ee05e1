package org.dedup.ml.model;

import java.util.List;
import java.util.Map;

import org.dedup.ml.features.FeatureSchema;

/**
 * What a model artifact says about itself: its format, the feature schema it was trained on, the algorithm, the
 * thresholds, what it was trained on, how well it did on held-out pairs and the library versions that made it.
 */
public record ModelMetadata(int formatVersion, FeatureSchema featureSchema, Algorithm algorithm,
                            Thresholds thresholds, TrainingSummary training, HeldOutMetrics heldOut,
                            Map<String, String> libraries, String createdAt) {
    public static final int FORMAT_VERSION = 1;

    public ModelMetadata {
        libraries = Map.copyOf(libraries);
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

    /** The data a model learnt from. */
    public record TrainingSummary(List<String> sources, int records, int pairs, int matches, int nonMatches,
                                  long seed) {
        public TrainingSummary {
            sources = List.copyOf(sources);
        }
    }

    /** Precision, recall and F1 at the merge threshold on the pairs held out for calibration. */
    public record HeldOutMetrics(int pairs, double precision, double recall, double f1) {
    }
}
