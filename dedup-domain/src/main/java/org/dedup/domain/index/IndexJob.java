package org.dedup.domain.index;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;

/**
 * The reindex of one tenant's leads for one method, started when the tenant enabled the method: the leads are read
 * in pages by id ({@link org.dedup.domain.model.LeadId#STORE_ORDER}), {@code after} being the last lead indexed,
 * so a restarted process goes on where the last page ended. {@code run} names this start of the job: a job started
 * again (the method disabled and enabled again) is another run, which a page of the old one never overwrites.
 * Nothing is done before {@code notBefore}, by when every writer sees the settings that enable the method.
 */
public record IndexJob(TenantId tenant, MatchMethod method, UUID run, IndexState state, Optional<LeadId> after,
                       long leadsIndexed, long leadsTotal, Instant startedAt, Instant notBefore,
                       Optional<Instant> finishedAt) {
    public IndexJob {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(method, "method");
        Require.nonNull(run, "run");
        Require.nonNull(state, "index state");
        Require.nonNull(after, "last lead indexed");
        Require.nonNull(startedAt, "start");
        Require.nonNull(notBefore, "not before");
        Require.nonNull(finishedAt, "finish");
        if (leadsIndexed < 0 || leadsTotal < 0) {
            throw new IllegalArgumentException("lead counts of an index job are never negative");
        }
        if ((state == IndexState.INDEXED) != finishedAt.isPresent()) {
            throw new IllegalArgumentException("an index job has a finish time exactly when it is indexed");
        }
    }

    /** A new run of the reindex of {@code method}, of the {@code leadsTotal} leads the tenant has now. */
    public static IndexJob started(TenantId tenant, MatchMethod method, long leadsTotal, Instant now,
                                   Instant notBefore) {
        return new IndexJob(tenant, method, UUID.randomUUID(), IndexState.INDEXING, Optional.empty(), 0, leadsTotal,
                now, notBefore, Optional.empty());
    }

    /** This job after one more page, ending with {@code last}, of {@code leads} leads. */
    public IndexJob advanced(LeadId last, int leads) {
        return new IndexJob(tenant, method, run, state, Optional.of(last), leadsIndexed + leads,
                Math.max(leadsTotal, leadsIndexed + leads), startedAt, notBefore, finishedAt);
    }

    /** This job after its last page, of {@code leads} leads, at {@code at}. */
    public IndexJob finished(int leads, Instant at) {
        return new IndexJob(tenant, method, run, IndexState.INDEXED, after, leadsIndexed + leads,
                Math.max(leadsTotal, leadsIndexed + leads), startedAt, notBefore, Optional.of(at));
    }
}
