package org.dedup.ml.matcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dedup.ml.model.ModelMetadata;

/**
 * A loaded model described in JDK values for {@code Matcher.description()}: its schema, algorithm, the thresholds in
 * force (the configuration may move them from the trained ones), training data, blocking, the evaluation it was
 * calibrated on (the held-out pairs' precision, recall and F1 at the merge threshold) and the libraries that made it.
 */
final class ModelDescription {
    private ModelDescription() {
    }

    static Map<String, Object> of(ModelMetadata model, ModelMetadata.Thresholds inForce) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "trained model");
        description.put("schema", model.recordSchema().name());
        description.put("attributes", model.recordSchema().attributes().stream()
                .map(a -> a.key() + " (" + a.kind().name().toLowerCase(Locale.ROOT) + ")").toList());
        description.put("algorithm", model.algorithm().name().toLowerCase(Locale.ROOT));
        description.put("formatVersion", model.formatVersion());
        description.put("createdAt", model.createdAt());
        description.put("thresholds", ordered("merge", inForce.merge(), "review", inForce.review(),
                "trainedMerge", model.thresholds().merge(), "trainedReview", model.thresholds().review()));
        ModelMetadata.TrainingSummary training = model.training();
        description.put("training", ordered("sources", training.sources(), "records", training.records(),
                "pairs", training.pairs(), "matches", training.matches(), "nonMatches", training.nonMatches(),
                "seed", training.seed(), "candidateMatchShare", training.candidateMatchShare()));
        ModelMetadata.HeldOutMetrics heldOut = model.heldOut();
        description.put("evaluation", ordered("pairs", heldOut.pairs(), "matches", heldOut.matches(),
                "precision", heldOut.precision(), "recall", heldOut.recall(), "f1", heldOut.f1()));
        description.put("blocking", ordered("rules", model.blocking().rules(),
                "pairsCompleteness", model.blocking().pairsCompleteness(),
                "candidatesPerRecord", model.blocking().candidatesPerRecord()));
        description.put("notes", model.notes());
        description.put("libraries", new TreeMap<>(model.libraries()));
        return description;
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1] instanceof List<?> list ? List.copyOf(list)
                    : namesAndValues[i + 1]);
        }
        return map;
    }
}
