package org.dedup.ml.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.ml.evidence.EvidenceRules;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.PersonRecord;

/**
 * The Kommo "BIG DATA" method: a trained classifier decides whether two leads are about the same person (or
 * company, as the model's schema says). Stored leads are indexed under the model's blocking keys, so a check scores
 * the few leads sharing one, never the tenant. A pair at or above the merge threshold is a {@code DUPLICATE} unless
 * an evidence rule forbids merging it; at or above the review threshold it is a {@code POSSIBLE_DUPLICATE}. The
 * explanation lists each attribute compared, the rule that sent it to review, and the match probability.
 */
final class BigDataMatcher implements Matcher {
    static final String NAMESPACE = "big_data";
    private final MatchModel model;
    private final LeadPersons persons;

    BigDataMatcher(MatchModel model, LeadPersons persons) {
        this.model = model;
        this.persons = persons;
    }

    @Override
    public MatchMethod method() {
        return BigDataMatcherProvider.METHOD;
    }

    @Override
    public ControlTraits controlTraits() {
        return BigDataMatcherProvider.TRAITS;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        return keys(persons.person(stored));
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        return keys(persons.person(incoming));
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        PreparedRecord person = model.prepare(persons.person(incoming));
        List<MatchCandidate> matches = new ArrayList<>();
        for (LeadProfile candidate : candidates) {
            PreparedRecord other = model.prepare(persons.person(candidate));
            double probability = model.probability(person, other);
            if (probability >= model.thresholds().review()) {
                Optional<EvidenceRules.Rule> broken = model.brokenRule(person.record(), other.record());
                Verdict verdict = probability >= model.thresholds().merge() && broken.isEmpty() ? Verdict.DUPLICATE
                        : Verdict.POSSIBLE_DUPLICATE;
                matches.add(new MatchCandidate(candidate.lead().id(), BigDataMatcherProvider.METHOD, verdict, probability,
                        PairExplanations.of(model, person, other, probability, broken)));
            }
        }
        return matches;
    }

    @Override
    public Optional<RecordLinker> recordLinker() {
        return Optional.of(new BigDataLinker(model, persons));
    }

    /** The model's metadata as {@code dedup evaluate} reports it, with the thresholds in force here. */
    @Override
    public Map<String, Object> description() {
        return ModelDescription.of(model.metadata(), model.thresholds());
    }

    private Set<MatchKey> keys(PersonRecord person) {
        return model.blockingKeys().of(person).stream().map(key -> new MatchKey(NAMESPACE, key))
                .collect(Collectors.toUnmodifiableSet());
    }
}
