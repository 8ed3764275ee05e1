package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.match.MatchMethod;

/** Adds up the outcomes of a dry run one lead at a time, keeping only counts and a bounded number of samples. */
final class DryRunTally {
    private final int sampleLimit;
    private final int failureLimit;
    private final Map<MatchMethod, Long> wouldMerge = new LinkedHashMap<>();
    private final List<DryRunReport.Sample> samples = new ArrayList<>();
    private final Set<MatcherFailure> failures = new LinkedHashSet<>();
    private long checked;
    private long tooMany;
    private long createdDespiteDuplicates;
    private long pendingReview;

    DryRunTally(int sampleLimit, int failureLimit) {
        this.sampleLimit = sampleLimit;
        this.failureLimit = failureLimit;
    }

    void add(DryRunReport.Outcome outcome) {
        checked++;
        switch (outcome) {
            case DryRunReport.Outcome.WouldMerge merge -> {
                wouldMerge.merge(merge.sample().method(), 1L, Long::sum);
                if (samples.size() < sampleLimit) {
                    samples.add(merge.sample());
                }
            }
            case DryRunReport.Outcome.TooManyMatches ignored -> tooMany++;
            case DryRunReport.Outcome.CreatedDespiteDuplicates ignored -> createdDespiteDuplicates++;
            case DryRunReport.Outcome.PendingReview ignored -> pendingReview++;
            case DryRunReport.Outcome.Unique ignored -> {
            }
        }
        for (MatcherFailure failure : outcome.failures()) {
            if (failures.size() < failureLimit) {
                failures.add(failure);
            }
        }
    }

    DryRunReport report() {
        return new DryRunReport(checked, wouldMerge, tooMany, createdDespiteDuplicates, pendingReview, samples,
                List.copyOf(failures));
    }
}
