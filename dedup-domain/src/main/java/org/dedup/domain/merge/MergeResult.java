package org.dedup.domain.merge;

import java.util.List;

import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Require;

/**
 * A merge made on request (a person's, or a review's): its journal id and the matchers that failed while the
 * survivor's keys were computed (the merge stands; the survivor is not found by those methods until it is saved
 * again), as a decision of duplicate control reports them.
 */
public record MergeResult(MergeId merge, List<MatcherFailure> failures) {
    public MergeResult {
        Require.nonNull(merge, "merge id");
        failures = Require.copy(failures, "matcher failures");
    }

    /** A merge that called no matcher (contacts and companies, indexed by their search keys). */
    public static MergeResult withoutMatchers(MergeId merge) {
        return new MergeResult(merge, List.of());
    }
}
