package org.dedup.ml.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.blocking.BlockingAnalysis;
import org.dedup.ml.blocking.KeyRule;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordSchema;

/**
 * Chooses a model's blocking rules on the labelled record sets of its training data: per set, the rules reaching
 * the pairs completeness aim within the candidate budget ({@link BlockingAnalysis#choose}); the model uses every
 * rule some set needed. Without record sets (labelled pairs only) every rule of the schema is used, and a note
 * says so.
 */
final class BlockingChoice {
    /** A rule must find at least one true pair per this many candidates it adds. */
    private static final int MIN_YIELD = 200;

    private BlockingChoice() {
    }

    static ModelMetadata.Blocking choose(List<LabelledRecords> sets, TrainingOptions options, List<String> notes) {
        RecordSchema schema = options.schema();
        List<KeyRule> rules = KeyRule.of(schema);
        if (sets.isEmpty()) {
            notes.add("no labelled record sets to choose blocking rules on: every rule of the schema is used");
            return new ModelMetadata.Blocking(rules.stream().map(KeyRule::name).toList(), Set.of(), Double.NaN,
                    Double.NaN);
        }
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> common = new HashSet<>();
        List<BlockingAnalysis> analyses = new ArrayList<>();
        for (LabelledRecords set : sets) {
            BlockingAnalysis analysis = new BlockingAnalysis(set, rules, Blocker.MAX_BLOCK);
            BlockingAnalysis.Choice choice = analysis.choose(options.blockingCompleteness(),
                    options.candidatesPerRecord(), MIN_YIELD);
            if (!choice.reachesAim()) {
                notes.add(String.format(Locale.ROOT, "blocking reaches pairs completeness %.4f of the aimed %.2f on "
                        + "a set of %d records within %.0f candidate pairs per record", choice.pairsCompleteness(),
                        options.blockingCompleteness(), choice.records(), options.candidatesPerRecord()));
            }
            chosen.addAll(choice.rules());
            common.addAll(analysis.oversizedKeys());
            analyses.add(analysis);
        }
        long candidates = 0;
        long found = 0;
        long truePairs = 0;
        long records = 0;
        for (int i = 0; i < sets.size(); i++) {
            BlockingAnalysis.Choice together = analyses.get(i).choose(0.0, 1, 1,
                    List.copyOf(chosen));
            candidates += together.candidatePairs();
            found += together.trueCandidatePairs();
            truePairs += together.truePairs();
            records += together.records();
        }
        return new ModelMetadata.Blocking(List.copyOf(chosen), common,
                truePairs == 0 ? 1.0 : (double) found / truePairs, records == 0 ? 0 : (double) candidates / records);
    }
}
