package org.dedup.domain.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** A bulk search of one tenant run in the background, stored so that it outlives the process that ran it. */
public record ScanJob(UUID id, TenantId tenant, Instant started, Outcome outcome) {
    public ScanJob {
        Require.nonNull(id, "scan id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(started, "scan start");
        Require.nonNull(outcome, "scan outcome");
    }

    public static ScanJob running(TenantId tenant, Instant started) {
        return new ScanJob(UUID.randomUUID(), tenant, started, new Running());
    }

    public ScanJob ended(Outcome how) {
        return new ScanJob(id, tenant, started, how);
    }

    /** Where a scan stands: running, or ended as done, failed or interrupted (the process stopped while it ran). */
    public sealed interface Outcome {
    }

    public record Running() implements Outcome {
    }

    public record Done(Instant finished, Summary summary) implements Outcome {
    }

    public record Failed(Instant finished, String reason) implements Outcome {
        public Failed {
            reason = Require.maxLength(Require.nonBlank(reason, "failure reason"), 1_000, "failure reason");
        }
    }

    public record Interrupted(Instant finished) implements Outcome {
    }

    /** What a finished scan found, as {@link SpilledSearchResult} reports it (the groups themselves are stored). */
    public record Summary(int records, long pairsCompared, long allPairs, int groups, List<String> oversizedBlocks) {
        public Summary {
            oversizedBlocks = Require.copy(oversizedBlocks, "oversized blocks");
        }

        public static Summary of(SpilledSearchResult result) {
            return new Summary(result.records(), result.pairsCompared(), result.allPairs(), result.groups(),
                    result.oversizedBlocks());
        }
    }
}
