package org.dedup.ml.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.match.FieldMatch;
import org.dedup.ml.evidence.EvidenceRules;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;

/**
 * The explanation of a scored pair, as a decision or a duplicate group shows it: each attribute compared (values
 * and similarity), the emails and phones shared, the evidence rule that kept it from merging, and the probability.
 */
final class PairExplanations {
    private PairExplanations() {
    }

    static List<FieldMatch> of(MatchModel model, PreparedRecord a, PreparedRecord b, double probability,
                               Optional<EvidenceRules.Rule> broken) {
        List<FieldMatch> lines = new ArrayList<>(model.attributeSimilarities(a, b).stream()
                .map(s -> new FieldMatch(s.attribute(), s.first(), s.second(), s.comparison(), s.similarity()))
                .toList());
        shared("email", a.record().emails(), b.record().emails(), lines);
        shared("phone", a.record().phones(), b.record().phones(), lines);
        lines.add(new FieldMatch(BigDataMatcher.NAMESPACE, "", "", "match probability of the " + model.metadata()
                .algorithm().name().toLowerCase(Locale.ROOT) + " model", probability));
        broken.ifPresent(rule -> lines.add(new FieldMatch(BigDataMatcher.NAMESPACE, "", "", "not merged "
                + "automatically: " + rule.reason(), 0.0)));
        return lines;
    }

    private static void shared(String field, Set<String> a, Set<String> b, List<FieldMatch> lines) {
        a.stream().filter(b::contains).sorted().forEach(value -> lines.add(FieldMatch.equal(field, value)));
    }
}
