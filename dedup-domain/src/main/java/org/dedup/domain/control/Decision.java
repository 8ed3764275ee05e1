package org.dedup.domain.control;

import java.util.List;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.settings.MatchMethod;

/** What duplicate control did with an incoming or updated lead, with the candidates it considered. */
public sealed interface Decision {

    /** The lead the request lives on in: the new lead, or the first lead it was merged into. */
    LeadId lead();

    List<MatchCandidate> candidates();

    List<MatcherFailure> failures();

    /** Stored as a new lead: nothing matched, or the multi-match policy said CREATE_NEW. */
    record Created(LeadId lead, List<MatchCandidate> candidates, List<MatcherFailure> failures) implements Decision {
        public Created {
            Require.nonNull(lead, "lead");
            candidates = Require.copy(candidates, "candidates");
            failures = Require.copy(failures, "failures");
        }
    }

    /** Merged into the listed existing leads by {@code method}; each merge is journaled under its id. */
    record Merged(List<LeadId> mergedInto, MatchMethod method, MergeTiming timing, List<MergeId> merges,
                  List<MatchCandidate> candidates, List<MatcherFailure> failures) implements Decision {
        public Merged {
            mergedInto = Require.copy(mergedInto, "merged-into leads");
            if (mergedInto.isEmpty()) {
                throw new IllegalArgumentException("a merge names at least one lead");
            }
            Require.nonNull(method, "method");
            Require.nonNull(timing, "timing");
            merges = Require.copy(merges, "merges");
            candidates = Require.copy(candidates, "candidates");
            failures = Require.copy(failures, "failures");
        }

        @Override
        public LeadId lead() {
            return mergedInto.getFirst();
        }
    }

    /** More leads matched than the merge limit allows: stored as new, nothing merged, candidates kept for review. */
    record SkippedTooManyMatches(LeadId lead, int limit, List<MatchCandidate> candidates,
                                 List<MatcherFailure> failures) implements Decision {
        public SkippedTooManyMatches {
            Require.nonNull(lead, "lead");
            candidates = Require.copy(candidates, "candidates");
            failures = Require.copy(failures, "failures");
        }
    }

    /** A stored lead was updated; no merge followed from the check the update triggered. */
    record Updated(LeadId lead, List<MatchCandidate> candidates, List<MatcherFailure> failures) implements Decision {
        public Updated {
            Require.nonNull(lead, "lead");
            candidates = Require.copy(candidates, "candidates");
            failures = Require.copy(failures, "failures");
        }
    }

    /** Stored as new; only possible duplicates were found, which wait for a person's review. */
    record PendingReview(LeadId lead, List<MatchCandidate> candidates, List<MatcherFailure> failures)
            implements Decision {
        public PendingReview {
            Require.nonNull(lead, "lead");
            candidates = Require.copy(candidates, "candidates");
            failures = Require.copy(failures, "failures");
        }
    }
}
