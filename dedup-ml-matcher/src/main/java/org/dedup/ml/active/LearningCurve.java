package org.dedup.ml.active;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.dedup.ml.evaluate.Confusion;
import org.dedup.ml.evaluate.Evaluation;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;

/**
 * How much a number of labels improves a model on data it never saw: a simulated person answers from the ground
 * truth of a labelled pool, choosing the pairs actively ({@link ActiveLearner}, refitted as a person's session
 * refits) or at random among the same blocked candidates, and after each budget the model is evaluated on the
 * held-out records as {@code evaluate} does (its blocking, its merge threshold, evidence rules, every true pair
 * counted). The held-out records are never looked at before that evaluation.
 */
public final class LearningCurve {
    private final MatchModel base;
    private final LabelledRecords pool;
    private final LabelledRecords heldOut;
    private final int refitEvery;
    private final double penalty;

    public LearningCurve(MatchModel base, LabelledRecords pool, LabelledRecords heldOut, int refitEvery,
                         double penalty) {
        this.base = base;
        this.pool = pool;
        this.heldOut = heldOut;
        this.refitEvery = refitEvery;
        this.penalty = penalty;
    }

    /** One point of the curve: a way of choosing, a number of labels and the held-out figures at it. */
    public record Point(String choice, long seed, int labels, int matches, double precision, double recall,
                        double f1) {
    }

    /** The model's held-out figures with no label. */
    public Point unlabelled() {
        return point("none", 0, 0, 0, base);
    }

    /** Active choice: the least certain pair next, the model refitted every {@code refitEvery} answers. */
    public List<Point> active(List<Integer> budgets) {
        ActiveLearner learner = ActiveLearner.of(base, pool.records(), refitEvery, penalty);
        List<Point> points = new ArrayList<>();
        int labels = 0;
        int matches = 0;
        for (int budget : sorted(budgets)) {
            while (labels < budget) {
                Optional<ActiveLearner.Candidate> next = learner.next();
                if (next.isEmpty()) {
                    break;
                }
                boolean match = truth(next.get().pair());
                learner.answer(next.get().pair(), Optional.of(match));
                labels++;
                matches += match ? 1 : 0;
            }
            learner.refit();
            points.add(point("active", 0, labels, matches, learner.model()));
        }
        return points;
    }

    /** Random choice among the same candidates, in an order drawn with {@code seed}; the model fitted at each budget. */
    public List<Point> random(List<Integer> budgets, long seed) {
        ActiveLearner learner = ActiveLearner.of(base, pool.records(), refitEvery, penalty);
        List<PersonPair> order = new ArrayList<>(learner.candidates());
        Collections.shuffle(order, new Random(seed));
        List<Point> points = new ArrayList<>();
        int labels = 0;
        int matches = 0;
        for (int budget : sorted(budgets)) {
            List<LabelledPair> answered = new ArrayList<>();
            while (labels < Math.min(budget, order.size())) {
                boolean match = truth(order.get(labels));
                answered.add(new LabelledPair(order.get(labels), match));
                labels++;
                matches += match ? 1 : 0;
            }
            learner.learn(answered);
            points.add(point("random", seed, labels, matches, learner.model()));
        }
        return points;
    }

    private boolean truth(PersonPair pair) {
        return pool.sameEntity(pair.first(), pair.second());
    }

    private Point point(String choice, long seed, int labels, int matches, MatchModel model) {
        Confusion at = new Evaluation(model).dedup("held-out", heldOut).atThreshold();
        return new Point(choice, seed, labels, matches, at.precision(), at.recall(), at.f1());
    }

    private static List<Integer> sorted(List<Integer> budgets) {
        return budgets.stream().filter(b -> b > 0).sorted().distinct().toList();
    }
}
