package org.dedup.ml.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.ml.TestData;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Active learning over Chicago's 20 % with the shipped company model, answered from the file's clusters. */
class ActiveLearnerTest {
    private static final MatchModel MODEL = MatchModel.of(ModelArtifact.bundledCompanies());
    private static final LabelledRecords POOL = TestData.chicago("chicago_train20.csv");

    private static ActiveLearner learner(int refitEvery) {
        return ActiveLearner.of(MODEL, POOL.records(), refitEvery);
    }

    private static boolean truth(ActiveLearner.Candidate candidate) {
        return POOL.sameEntity(candidate.pair().first(), candidate.pair().second());
    }

    private static double probability(MatchModel model, PersonPair pair) {
        return model.probability(pair.first(), pair.second());
    }

    @Nested
    class ChoosingThePair {
        @Test
        void theFirstPairIsTheOneTheModelIsLeastSureOf() {
            ActiveLearner learner = learner(5);
            double boundary = MODEL.thresholds().merge();
            double nearest = learner.candidates().stream()
                    .mapToDouble(p -> Math.abs(probability(MODEL, p) - boundary)).min().orElseThrow();

            ActiveLearner.Candidate first = learner.next().orElseThrow();

            assertEquals(nearest, Math.abs(first.probability() - boundary), 1e-12);
        }

        @Test
        void noPairIsAskedTwiceWhateverTheAnswerUnsureIncluded() {
            ActiveLearner learner = learner(3);
            Set<String> asked = new HashSet<>();
            for (int n = 0; n < 30; n++) {
                ActiveLearner.Candidate next = learner.next().orElseThrow();
                assertTrue(asked.add(next.key()), "asked again: " + next.pair());
                learner.answer(next.pair(), n % 3 == 0 ? Optional.empty() : Optional.of(truth(next)));
            }
        }

        @Test
        void aPairWhoseRecordsWereAnsweredWaitsWhileAnEquallyUncertainFreshOneIsLeft() {
            ActiveLearner learner = learner(1_000);
            ActiveLearner.Candidate first = learner.next().orElseThrow();
            learner.answer(first.pair(), Optional.of(truth(first)));

            ActiveLearner.Candidate second = learner.next().orElseThrow();

            Set<String> firstRecords = Set.of(first.pair().first().id(), first.pair().second().id());
            assertTrue(!firstRecords.contains(second.pair().first().id())
                    && !firstRecords.contains(second.pair().second().id()), first + " then " + second);
        }
    }

    @Nested
    class Refitting {
        @Test
        void theModelStaysTheTrainedOneUntilNAnswersThenMovesTowardsThem() {
            ActiveLearner learner = learner(10);
            List<ActiveLearner.Candidate> answered = new ArrayList<>();
            for (int n = 0; n < 9; n++) {
                ActiveLearner.Candidate next = learner.next().orElseThrow();
                learner.answer(next.pair(), Optional.of(truth(next)));
                answered.add(next);
            }
            assertSame(MODEL, learner.model(), "refitted before the tenth answer");

            ActiveLearner.Candidate tenth = learner.next().orElseThrow();
            learner.answer(tenth.pair(), Optional.of(truth(tenth)));
            answered.add(tenth);

            assertNotEquals(MODEL, learner.model());
            double before = logLoss(MODEL, answered);
            double after = logLoss(learner.model(), answered);
            assertTrue(after < before, "log-loss on the answers " + before + " -> " + after);
        }

        @Test
        void theNextPairReflectsTheAnswersSoFar() {
            ActiveLearner refitting = learner(1);
            ActiveLearner never = learner(1_000_000);
            List<String> withRefits = new ArrayList<>();
            List<String> without = new ArrayList<>();
            for (int n = 0; n < 25; n++) {
                ActiveLearner.Candidate a = refitting.next().orElseThrow();
                refitting.answer(a.pair(), Optional.of(truth(a)));
                withRefits.add(a.key());
                ActiveLearner.Candidate b = never.next().orElseThrow();
                never.answer(b.pair(), Optional.of(truth(b)));
                without.add(b.key());
            }

            assertNotEquals(without, withRefits);
        }

        private double logLoss(MatchModel model, List<ActiveLearner.Candidate> pairs) {
            double loss = 0;
            for (ActiveLearner.Candidate candidate : pairs) {
                double p = Math.min(1 - 1e-9, Math.max(1e-9, probability(model, candidate.pair())));
                loss -= truth(candidate) ? Math.log(p) : Math.log(1 - p);
            }
            return loss;
        }
    }
}
