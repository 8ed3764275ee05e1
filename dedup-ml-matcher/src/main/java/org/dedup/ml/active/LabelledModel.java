package org.dedup.ml.active;

import java.util.List;
import java.util.Locale;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ScoreCorrection;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonRecord;

/**
 * A trained model plus what a few hundred labelled pairs taught it, as one model file: the {@link LabelCorrection}
 * a labelling session over {@code records} fits on those labels ({@link ActiveLearner#learn}), stored with the
 * model. Scoring the result is scoring the session's corrected model, so {@code evaluate} of the file gives the
 * learning curve's figures at the same labels and candidates.
 */
public final class LabelledModel {
    private LabelledModel() {
    }

    /**
     * {@code trained} (any correction it carried replaced) corrected by {@code labels}, the features standardized over
     * the blocked candidate pairs of {@code records} as a labelling session over them does.
     */
    public static ModelArtifact of(ModelArtifact trained, List<PersonRecord> records, List<LabelledPair> labels) {
        ModelArtifact base = trained.withCorrection(ScoreCorrection.none());
        ActiveLearner session = ActiveLearner.of(MatchModel.of(base), records, ActiveLearner.DEFAULT_REFIT_EVERY);
        session.learn(labels);
        long matches = labels.stream().filter(LabelledPair::match).count();
        return base.withCorrection(session.correction().stored()).withNote(String.format(Locale.ROOT,
                "corrected by %d labelled pairs (%d duplicates) among %d candidate pairs of %d records",
                labels.size(), matches, session.size(), records.size()));
    }
}
