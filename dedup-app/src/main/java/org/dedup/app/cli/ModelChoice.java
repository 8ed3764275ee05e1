package org.dedup.app.cli;

import java.nio.file.Path;
import java.util.Map;

import org.dedup.app.config.DedupConfig;
import org.dedup.ml.model.ModelArtifact;
import picocli.CommandLine.Option;

/** The {@code --model} option of the ML commands: a model file, else the configured one, else the shipped one. */
final class ModelChoice {
    @Option(names = "--model", description = "model file (default: matchers.big_data.model of the configuration, "
            + "else the model shipped with dedup)")
    Path model;

    ModelArtifact artifact(DedupConfig config) {
        if (model != null) {
            return ModelArtifact.load(model);
        }
        String configured = config.matchers().getOrDefault("big_data", Map.of()).get("model");
        return configured == null ? ModelArtifact.bundled() : ModelArtifact.load(Path.of(configured));
    }
}
