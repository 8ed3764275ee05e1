package org.dedup.ml.matcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.spi.MatcherProvider;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelFileException;
import org.dedup.ml.model.ModelLimits;
import org.dedup.ml.model.ModelMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the BIG DATA matcher (id {@code big_data}). Options under {@code matchers.big_data}:
 * <ul>
 *   <li>{@code model}: path of a model file made by {@code dedup train}, or {@code people} / {@code companies} for
 *   the models shipped in this module; the people model when absent;</li>
 *   <li>{@code mergeThreshold}, {@code reviewThreshold}: override the model's thresholds (0..1);</li>
 *   <li>{@code loadTimeBudgetSeconds}: how long loading the model may take before it is stopped and the method
 *   reported unavailable (default 30; a slow disk or a large model may need more);</li>
 *   <li>{@code field.<attribute>}: the custom-field key a lead carries an attribute under, e.g.
 *   {@code field.postcode: zip}; by default the attribute's own key.</li>
 * </ul>
 * A model file that cannot be loaded, or that breaks a limit of {@link org.dedup.ml.model.ModelLimits} (a crafted
 * file), does not stop dedup: the error is logged at WARN, the matcher's health says why, and every BIG DATA check
 * reports it as a matcher failure in its decision while the other methods go on.
 */
public final class BigDataMatcherProvider implements MatcherProvider {
    /** The method's id, which tenants enable. */
    public static final MatchMethod METHOD = new MatchMethod("big_data");
    /**
     * How duplicate control runs BIG DATA, as Kommo does: a chat is checked on arrival, a lead of another channel
     * right after it was added; it merges only where the lead or its duplicate is in the incoming-leads stage, adds a
     * merge note, and an update of a lead checks it again. The same traits whether or not the model loaded.
     */
    public static final ControlTraits TRAITS = ControlTraits.DEFAULT.checkedAfterAddExcept(SourceChannel.CHAT)
            .withMergeNote().mergingOnlyWithIncomingStage().checkedAfterUpdate();
    private static final Logger LOG = LoggerFactory.getLogger(BigDataMatcherProvider.class);
    private static final String LOAD_BUDGET = "loadTimeBudgetSeconds";
    private static final Set<String> OPTIONS = Set.of("model", "mergeThreshold", "reviewThreshold", LOAD_BUDGET);
    /** An hour: a budget longer than that would no longer guard the start. */
    private static final int MAX_LOAD_BUDGET_SECONDS = 3_600;

    @Override
    public String id() {
        return METHOD.id();
    }

    @Override
    public Matcher create(MatcherConfig config) {
        checkKeys(config);
        ModelArtifact artifact;
        try {
            artifact = configuredModel(config);
        } catch (ModelFileException e) {
            LOG.warn("the BIG DATA method is unavailable, the other methods go on: matchers.big_data.model {}",
                    e.getMessage());
            return new UnavailableMatcher("matchers.big_data.model: " + e.problem());
        }
        ModelMetadata.Thresholds trained = artifact.metadata().thresholds();
        double merge = config.decimal("mergeThreshold", trained.merge());
        double review = config.decimal("reviewThreshold", Math.min(trained.review(), merge));
        ModelMetadata.Thresholds thresholds;
        try {
            thresholds = new ModelMetadata.Thresholds(merge, review);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("matchers.big_data.mergeThreshold/reviewThreshold: " + e.getMessage());
        }
        LeadPersons persons = LeadPersons.configured(artifact.metadata().recordSchema(), config);
        LOG.info("BIG DATA model {} trained on {} loaded, merge at {}, review at {}", artifact.metadata().algorithm(),
                artifact.metadata().training().sources(), thresholds.merge(), thresholds.review());
        return new BigDataMatcher(new MatchModel(artifact, thresholds), persons);
    }

    /**
     * The model named by the {@code model} option, or the shipped people model when there is none, loaded within the
     * configured time budget.
     */
    public static ModelArtifact configuredModel(MatcherConfig config) {
        ModelLimits limits = limits(config);
        return model(config.find("model").orElse("people"), limits);
    }

    /** The default limits with the time budget of the {@code loadTimeBudgetSeconds} option, if given. */
    static ModelLimits limits(MatcherConfig config) {
        int seconds = config.integer(LOAD_BUDGET, (int) ModelLimits.DEFAULT.timeBudget().toSeconds());
        if (seconds < 1 || seconds > MAX_LOAD_BUDGET_SECONDS) {
            throw new InvalidRecordException("matchers.big_data." + LOAD_BUDGET + " must be 1 to "
                    + MAX_LOAD_BUDGET_SECONDS + ", was " + seconds);
        }
        return ModelLimits.DEFAULT.withTimeBudget(Duration.ofSeconds(seconds));
    }

    /** {@code people} or {@code companies} for a shipped model, else the path of a model file. */
    public static ModelArtifact model(String name) {
        return model(name, ModelLimits.DEFAULT);
    }

    private static ModelArtifact model(String name, ModelLimits limits) {
        return switch (name) {
            case "people" -> ModelArtifact.bundled(limits);
            case "companies" -> ModelArtifact.bundledCompanies(limits);
            default -> ModelArtifact.load(Path.of(name), limits);
        };
    }

    private static void checkKeys(MatcherConfig config) {
        for (String key : config.values().keySet()) {
            if (!OPTIONS.contains(key) && !key.startsWith(LeadPersons.FIELD_PREFIX)) {
                throw new InvalidRecordException("matchers.big_data." + key + " is not an option; options: "
                        + OPTIONS + " and " + LeadPersons.FIELD_PREFIX + "<attribute>");
            }
        }
    }
}
