package org.dedup.domain.control;

import java.util.List;
import java.util.Map;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;

/**
 * What duplicate control would do over a tenant's existing leads under some settings, without doing it: how many
 * leads would be merged away, per deciding method, how many would match more leads than the merge limit, be kept
 * as new by the CREATE_NEW policy or wait for review, and samples of the merges with their explanations.
 */
public record DryRunReport(long leadsChecked, Map<MatchMethod, Long> wouldMergeByMethod, long tooManyMatches,
                           long createdDespiteDuplicates, long pendingReview, List<Sample> samples,
                           List<MatcherFailure> failures) {
    public DryRunReport {
        wouldMergeByMethod = Require.copy(wouldMergeByMethod, "merges per method");
        samples = Require.copy(samples, "samples");
        failures = Require.copy(failures, "failures");
    }

    /** Leads that would be merged into earlier leads, whatever the method. */
    public long wouldMerge() {
        return wouldMergeByMethod.values().stream().mapToLong(Long::longValue).sum();
    }

    public long wouldMerge(MatchMethod method) {
        return wouldMergeByMethod.getOrDefault(method, 0L);
    }

    /** One lead that would be merged: into which earlier leads, by which method and when, and why. */
    public record Sample(LeadId lead, List<LeadId> wouldMergeInto, MatchMethod method, MergeTiming timing,
                         List<MatchCandidate> candidates) {
        public Sample {
            Require.nonNull(lead, "sampled lead");
            wouldMergeInto = Require.copy(wouldMergeInto, "merge targets");
            Require.nonNull(method, "method");
            Require.nonNull(timing, "timing");
            candidates = Require.copy(candidates, "candidates");
        }
    }

    /** What the check of one stored lead found. */
    sealed interface Outcome {
        List<MatcherFailure> failures();

        record WouldMerge(Sample sample, List<MatcherFailure> failures) implements Outcome {
        }

        record TooManyMatches(List<MatcherFailure> failures) implements Outcome {
        }

        record CreatedDespiteDuplicates(List<MatcherFailure> failures) implements Outcome {
        }

        record PendingReview(List<MatcherFailure> failures) implements Outcome {
        }

        record Unique(List<MatcherFailure> failures) implements Outcome {
        }
    }
}
