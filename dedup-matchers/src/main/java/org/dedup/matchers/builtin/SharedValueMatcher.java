package org.dedup.matchers.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.SearchKeys;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;

/**
 * A method that calls two leads duplicates when a standardized value of the incoming lead (any of its contacts)
 * equals one of the stored lead's primary contact: the Kommo email and phone methods. Its keys are the duplicate
 * search's keys of the field ({@link SearchKeys}), which every stored lead has for all of its contacts: the method
 * adds no rows to the index, and its verdict keeps to the primary contact.
 */
class SharedValueMatcher implements Matcher {
    private final MatchMethod method;
    private final ProfileField field;

    SharedValueMatcher(MatchMethod method, ProfileField field) {
        this.method = method;
        this.field = field;
    }

    @Override
    public MatchMethod method() {
        return method;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        return SearchKeys.of(stored.primary(), List.of(field));
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        return SearchKeys.of(incoming.all(), List.of(field));
    }

    /** Sharing a key is the ground of its verdict. */
    @Override
    public boolean matchesOnSharedKey() {
        return true;
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        Set<String> offered = incoming.all().values(field);
        List<MatchCandidate> matches = new ArrayList<>();
        for (LeadProfile candidate : candidates) {
            List<FieldMatch> shared = candidate.primary().values(field).stream().filter(offered::contains).sorted()
                    .map(value -> FieldMatch.equal(field.name(), value)).toList();
            if (!shared.isEmpty()) {
                matches.add(new MatchCandidate(candidate.lead().id(), method, Verdict.DUPLICATE, 1.0, shared));
            }
        }
        return matches;
    }
}
