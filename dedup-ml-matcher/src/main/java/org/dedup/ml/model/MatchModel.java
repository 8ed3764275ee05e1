package org.dedup.ml.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.blocking.BlockingKeys;
import org.dedup.ml.evidence.EvidenceRules;
import org.dedup.ml.features.AttributeSimilarity;
import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.record.PersonRecord;

/**
 * A loaded BIG DATA model ready to score pairs: the calibrated probability that two records are the same entity,
 * whether the {@link EvidenceRules} allow merging them, its blocking keys, and why. Thread-safe.
 */
public final class MatchModel {
    private final ModelArtifact artifact;
    private final PairFeatures features;
    private final ModelMetadata.Thresholds thresholds;
    private final ToDoubleFunction<double[]> scorer;
    private final BlockingKeys blockingKeys;
    private final EvidenceRules evidence;

    public MatchModel(ModelArtifact artifact, ModelMetadata.Thresholds thresholds) {
        this(artifact, thresholds, corrected(artifact));
    }

    /** The classifier's scorer, corrected by the labels the model file carries, if any. */
    private static ToDoubleFunction<double[]> corrected(ModelArtifact artifact) {
        ToDoubleFunction<double[]> trained = artifact.classifier().scorer();
        ScoreCorrection correction = artifact.correction();
        if (!correction.corrects()) {
            return trained;
        }
        return values -> correction.probability(trained.applyAsDouble(values), values);
    }

    private MatchModel(ModelArtifact artifact, ModelMetadata.Thresholds thresholds,
                       ToDoubleFunction<double[]> scorer) {
        this.artifact = artifact;
        this.features = new PairFeatures(artifact.metadata().recordSchema(), artifact.frequencies());
        this.thresholds = thresholds;
        this.scorer = scorer;
        ModelMetadata.Blocking blocking = artifact.metadata().blocking();
        this.blockingKeys = BlockingKeys.of(artifact.metadata().recordSchema(), blocking.rules(),
                blocking.commonKeys());
        this.evidence = new EvidenceRules(artifact.metadata().recordSchema());
    }

    /**
     * This model with its probabilities corrected by {@code adjustment} (what labelled pairs taught it since it was
     * trained, on top of any correction its file carries): the same features, blocking, evidence rules and thresholds.
     */
    public MatchModel adjusted(ScoreAdjustment adjustment) {
        ToDoubleFunction<double[]> base = scorer;
        return new MatchModel(artifact, thresholds,
                values -> adjustment.probability(base.applyAsDouble(values), values));
    }

    /** The feature values of a pair of prepared records, as the classifier reads them. */
    public double[] features(PreparedRecord a, PreparedRecord b) {
        return features.extract(a, b);
    }

    /** The probability of a pair from its {@link #features}. */
    public double probability(double[] featureValues) {
        return scorer.applyAsDouble(featureValues);
    }

    /** The blocking keys the model was trained with. */
    public BlockingKeys blockingKeys() {
        return blockingKeys;
    }

    /** An in-memory blocker by the model's keys. */
    public Blocker blocker() {
        return new Blocker(blockingKeys);
    }

    /** The evidence rule the pair breaks, if any: such a pair is never merged automatically. */
    public Optional<EvidenceRules.Rule> brokenRule(PersonRecord a, PersonRecord b) {
        return evidence.broken(a, b);
    }

    /** The model with the thresholds it was trained with. */
    public static MatchModel of(ModelArtifact artifact) {
        return new MatchModel(artifact, artifact.metadata().thresholds());
    }

    /** The record prepared for scoring: prepare a record once when it is scored against several others. */
    public PreparedRecord prepare(PersonRecord record) {
        return features.prepare(record);
    }

    public double probability(PersonRecord a, PersonRecord b) {
        return probability(prepare(a), prepare(b));
    }

    public double probability(PreparedRecord a, PreparedRecord b) {
        return scorer.applyAsDouble(features.extract(a, b));
    }

    /** The attributes both records know and how alike they are: the readable part of an explanation. */
    public List<AttributeSimilarity> attributeSimilarities(PreparedRecord a, PreparedRecord b) {
        return features.attributeSimilarities(a, b);
    }

    public ModelMetadata.Thresholds thresholds() {
        return thresholds;
    }

    public ModelMetadata metadata() {
        return artifact.metadata();
    }

    /**
     * The probability of a pair (corrected by the file's labels, if any) and each feature's value and contribution to
     * the trained classifier, the largest contributions first.
     */
    public PairExplanation explain(PersonRecord a, PersonRecord b) {
        double[] values = features.extract(a, b);
        double[] contributions = artifact.classifier().classifier().contributions(values);
        List<String> names = features.schema().names();
        List<PairExplanation.Contribution> lines = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            lines.add(new PairExplanation.Contribution(names.get(i), values[i], contributions[i]));
        }
        lines.sort(Comparator.comparingDouble((PairExplanation.Contribution c) -> Math.abs(c.contribution()))
                .reversed());
        double probability = artifact.classifier().probability(values);
        ScoreCorrection correction = artifact.correction();
        return new PairExplanation(correction.corrects() ? correction.probability(probability, values) : probability,
                artifact.metadata().algorithm(), lines);
    }
}
