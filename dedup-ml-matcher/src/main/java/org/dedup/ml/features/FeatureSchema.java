package org.dedup.ml.features;

import java.util.List;

/** The names of the features a model was trained on, in order, and the version of the code that computes them. */
public record FeatureSchema(int version, List<String> names) {
    public FeatureSchema {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }
}
