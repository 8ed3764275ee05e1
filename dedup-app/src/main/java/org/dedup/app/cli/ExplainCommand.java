package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.evidence.EvidenceRules;
import org.dedup.ml.features.AttributeSimilarity;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.PairExplanation;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Explains the model's verdict on one pair: the probability and each feature's contribution. */
@Command(name = "explain",
        description = "The match probability of one pair and each feature's contribution "
        + "(SHAP values for tree models).")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Mixin
    ModelChoice modelChoice;

    @Option(names = "--pair", required = true, description = "JSON {\"left\": {...}, \"right\": {...}} with attribute "
            + "keys of the model's schema (given_name, surname, postcode, ... or company, address_1, ...)")
    Path pair;

    @Option(names = "--top", description = "how many contributions to print (default: ${DEFAULT-VALUE})")
    int top = 12;

    @Override
    public Integer call() throws IOException {
        Pair input = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(pair.toFile(), Pair.class);
        if (input.left() == null || input.right() == null) {
            throw new InvalidRecordException(pair + " needs a left and a right record");
        }
        MatchModel model = MatchModel.of(modelChoice.artifact(parent.config()));
        RecordSchema schema = model.metadata().recordSchema();
        PersonRecord left = RecordFiles.record(schema, "left", input.left(), pair + " left");
        PersonRecord right = RecordFiles.record(schema, "right", input.right(), pair + " right");
        PairExplanation explanation = model.explain(left, right);
        double p = explanation.probability();
        Optional<EvidenceRules.Rule> broken = model.brokenRule(left, right);
        String verdict = p >= model.thresholds().merge() && broken.isEmpty() ? "DUPLICATE (merge)"
                : p >= model.thresholds().review() ? "POSSIBLE_DUPLICATE (review)" : "not a duplicate";
        System.out.printf(Locale.ROOT, "match probability %.4f: %s (merge at %.2f, review at %.2f, %s model)%n", p,
                verdict, model.thresholds().merge(), model.thresholds().review(), explanation.algorithm());
        broken.ifPresent(rule -> System.out.println("not merged automatically: " + rule.reason()));
        System.out.println("attributes:");
        for (AttributeSimilarity s : model.attributeSimilarities(model.prepare(left), model.prepare(right))) {
            System.out.printf(Locale.ROOT, "  %-14s %-24s %-24s %s %.3f%n", s.attribute(), s.first(), s.second(),
                    s.comparison(), s.similarity());
        }
        System.out.println("largest feature contributions (positive: towards duplicate):");
        explanation.contributions().stream().limit(top).forEach(c -> System.out.printf(Locale.ROOT,
                "  %-34s value %.3f  contribution %+.4f%n", c.feature(), c.value(), c.contribution()));
        return 0;
    }

    /** The JSON of --pair. */
    private record Pair(Map<String, String> left, Map<String, String> right) {
    }
}
