package org.dedup.ml.active;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * The candidate pairs of a record set in the order a person should label them (active learning, as dedupe and
 * Zingg do): the model's blocking proposes them, and the pair whose probability lies nearest the merge threshold,
 * the one the model is least sure of, comes first. For diversity, a pair neither of whose records was shown yet
 * goes before one that shows a record again, so a person does not spend the labels on one entity.
 */
public final class UncertainPairs {
    private final List<Candidate> ranked;
    private final Set<String> shown = new HashSet<>();

    private UncertainPairs(List<Candidate> ranked) {
        this.ranked = List.copyOf(ranked);
    }

    /** A candidate pair and the model's probability that its records are one entity. */
    public record Candidate(PersonPair pair, double probability) {
        public String key() {
            return UncertainPairs.key(pair);
        }
    }

    /** The blocked candidate pairs of {@code records}, the least certain first. */
    public static UncertainPairs of(MatchModel model, List<PersonRecord> records) {
        double boundary = model.thresholds().merge();
        List<Candidate> candidates = new ArrayList<>();
        for (PersonPair pair : model.blocker().dedupPairs(records)) {
            candidates.add(new Candidate(pair, model.probability(pair.first(), pair.second())));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> Math.abs(c.probability() - boundary))
                .thenComparing(Candidate::key));
        return new UncertainPairs(candidates);
    }

    /** The key of a pair of records by their ids, the same whichever comes first. */
    public static String key(PersonPair pair) {
        String a = pair.first().id();
        String b = pair.second().id();
        return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

    public int size() {
        return ranked.size();
    }

    /** The next pair to label, none of {@code done} (pair keys); empty when every candidate is done. */
    public Optional<Candidate> next(Set<String> done) {
        Candidate repeat = null;
        for (Candidate candidate : ranked) {
            if (done.contains(candidate.key())) {
                continue;
            }
            if (!shown.contains(candidate.pair().first().id()) && !shown.contains(candidate.pair().second().id())) {
                return Optional.of(shownNow(candidate));
            }
            if (repeat == null) {
                repeat = candidate;
            }
        }
        return Optional.ofNullable(repeat).map(this::shownNow);
    }

    private Candidate shownNow(Candidate candidate) {
        shown.add(candidate.pair().first().id());
        shown.add(candidate.pair().second().id());
        return candidate;
    }
}
