package org.dedup.bench.duke;

import org.dedup.bench.data.PairQuality;
import org.dedup.ml.evaluate.Confusion;
import org.dedup.ml.evaluate.Evaluation;
import org.dedup.ml.evaluate.EvaluationResult;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordFiles;

/**
 * Our side of the Febrl tasks: the BIG DATA matcher's own evaluation ({@link Evaluation}) with the model shipped
 * in {@code dedup-ml-matcher} (trained on febrl1 + febrl2 and generated contact-style people, never on febrl3 or
 * febrl4) and its production blocker, at the model's merge threshold. The clock covers what Duke's covers: loading
 * the model (Duke: its configuration), reading the files, blocking and scoring every candidate pair.
 */
record OursFebrl(PeakMemory memory) {

    Outcome deduplicate(FebrlFile file) {
        long start = System.nanoTime();
        LabelledRecords records = RecordFiles.readFebrl(file.path());
        EvaluationResult result = evaluation().dedup("febrl3", records);
        return outcome(start, records.records().size(), result);
    }

    Outcome link(FebrlFile first, FebrlFile second) {
        long start = System.nanoTime();
        LabelledRecords left = RecordFiles.readFebrl(first.path());
        LabelledRecords right = RecordFiles.readFebrl(second.path());
        EvaluationResult result = evaluation().linkage("febrl4", left, right);
        return outcome(start, left.records().size() + right.records().size(), result);
    }

    private static Evaluation evaluation() {
        return new Evaluation(MatchModel.of(ModelArtifact.bundled()));
    }

    private Outcome outcome(long start, long records, EvaluationResult result) {
        double seconds = (System.nanoTime() - start) / 1e9;
        memory.checkpoint();
        Confusion at = result.atThreshold();
        return new Outcome(records, seconds, result.blocking().candidatePairs(),
                new PairQuality(at.truePositives() + at.falsePositives(), at.truePositives() + at.falseNegatives(),
                        at.truePositives()),
                String.format("shipped model (%s), merge threshold %.3f", result.metadata().algorithm(),
                        result.threshold()));
    }
}
