package org.dedup.domain.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;

/** A deterministic stand-in for the BIG DATA classifier: the same standardized full name is a duplicate. */
public final class SameNameBigDataMatcher implements Matcher {
    @Override
    public MatchMethod method() {
        return KommoMethods.BIG_DATA;
    }

    @Override
    public ControlTraits controlTraits() {
        return KommoMethods.BIG_DATA_TRAITS;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        return keys(stored);
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        return keys(incoming);
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        Set<String> names = incoming.all().values(ProfileField.FULL_NAME);
        return candidates.stream()
                .filter(c -> c.all().values(ProfileField.FULL_NAME).stream().anyMatch(names::contains))
                .map(c -> new MatchCandidate(c.lead().id(), KommoMethods.BIG_DATA, Verdict.DUPLICATE, 0.93,
                        List.of(FieldMatch.equal("full_name", c.all().first(ProfileField.FULL_NAME).orElse("")))))
                .toList();
    }

    private static Set<MatchKey> keys(LeadProfile profile) {
        return profile.all().values(ProfileField.FULL_NAME).stream().map(n -> new MatchKey("test_name", n))
                .collect(Collectors.toUnmodifiableSet());
    }
}
