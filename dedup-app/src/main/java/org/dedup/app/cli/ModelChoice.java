package org.dedup.app.cli;

import java.util.Map;

import org.dedup.app.config.DedupConfig;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.BigDataMatcherProvider;
import org.dedup.ml.model.ModelArtifact;
import picocli.CommandLine.Option;

/** The {@code --model} option of the ML commands: a model file, else the configured one, else the shipped one. */
final class ModelChoice {
    @Option(names = "--model", description = "model file, or people / companies for a shipped model (default: "
            + "matchers.big_data.model of the configuration, else the shipped people model)")
    String model;

    ModelArtifact artifact(DedupConfig config) {
        if (model != null) {
            return BigDataMatcherProvider.model(model);
        }
        return BigDataMatcherProvider.configuredModel(bigDataConfig(config));
    }

    /** The {@code matchers.big_data} section of the configuration. */
    static MatcherConfig bigDataConfig(DedupConfig config) {
        return new MatcherConfig("big_data", config.matchers().getOrDefault("big_data", Map.of()));
    }
}
