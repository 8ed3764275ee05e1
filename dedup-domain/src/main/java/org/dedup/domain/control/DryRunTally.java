package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dedup.domain.match.MatcherFailure;

/** Adds up the outcomes of a settings dry run one lead at a time, keeping counts and a bounded number of samples. */
final class DryRunTally {
    private final int sampleLimit;
    private final int failureLimit;
    private final Map<String, Long> byMethod = new TreeMap<>();
    private final List<SettingsDryRun.Sample> samples = new ArrayList<>();
    private final Set<MatcherFailure> failures = new LinkedHashSet<>();
    private long checked;
    private long wouldMerge;
    private long overLimit;
    private long keptNewByPolicy;
    private long pendingReview;

    DryRunTally(int sampleLimit, int failureLimit) {
        this.sampleLimit = sampleLimit;
        this.failureLimit = failureLimit;
    }

    /** What the check of one stored lead found. */
    sealed interface Outcome {
        List<MatcherFailure> failures();

        record WouldMerge(SettingsDryRun.Sample sample, List<MatcherFailure> failures) implements Outcome {
        }

        record OverLimit(List<MatcherFailure> failures) implements Outcome {
        }

        record KeptNewByPolicy(List<MatcherFailure> failures) implements Outcome {
        }

        record PendingReview(List<MatcherFailure> failures) implements Outcome {
        }

        record Unique(List<MatcherFailure> failures) implements Outcome {
        }
    }

    void add(Outcome outcome) {
        checked++;
        switch (outcome) {
            case Outcome.WouldMerge merge -> {
                wouldMerge++;
                byMethod.merge(merge.sample().method(), 1L, Long::sum);
                if (samples.size() < sampleLimit) {
                    samples.add(merge.sample());
                }
            }
            case Outcome.OverLimit ignored -> overLimit++;
            case Outcome.KeptNewByPolicy ignored -> keptNewByPolicy++;
            case Outcome.PendingReview ignored -> pendingReview++;
            case Outcome.Unique ignored -> {
            }
        }
        for (MatcherFailure failure : outcome.failures()) {
            if (failures.size() < failureLimit) {
                failures.add(failure);
            }
        }
    }

    SettingsDryRun.Report report() {
        return new SettingsDryRun.Report(checked, wouldMerge, overLimit, byMethod, samples, keptNewByPolicy,
                pendingReview, List.copyOf(failures));
    }
}
