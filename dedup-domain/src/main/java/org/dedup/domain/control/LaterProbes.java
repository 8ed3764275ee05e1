package org.dedup.domain.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;

/**
 * The probe keys of a stored lead for the methods that check it later (right after it was added, or after an
 * update), each matcher's with the failures of those that could not make theirs, and the tenant's settings and rules
 * the check runs under.
 */
record LaterProbes(Map<Matcher, Set<MatchKey>> probes, MatchContext context, List<MatcherFailure> failures) {
    LaterProbes {
        failures = List.copyOf(failures);
    }

    /** The keys to lock before the check. */
    Set<MatchKey> lockKeys() {
        return CandidateSearch.allKeys(probes);
    }
}
