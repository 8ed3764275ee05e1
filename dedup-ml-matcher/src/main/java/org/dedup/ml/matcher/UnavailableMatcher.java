package org.dedup.ml.matcher;

import java.util.List;
import java.util.Set;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherHealth;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;

/**
 * The BIG DATA method when its model could not be loaded: its health says why, and every call fails with the
 * reason, which the engine's matcher guard reports in the decision, so the other methods and the lead itself are
 * unaffected. The reason names no path: decisions and the health report are shown to callers.
 */
final class UnavailableMatcher implements Matcher {
    private final String problem;

    UnavailableMatcher(String problem) {
        this.problem = problem;
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
    public MatcherHealth health() {
        return new MatcherHealth.Unavailable(problem);
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        throw unavailable();
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        throw unavailable();
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        throw unavailable();
    }

    private DedupException unavailable() {
        return new DedupException("the BIG DATA method is unavailable: " + problem);
    }
}
