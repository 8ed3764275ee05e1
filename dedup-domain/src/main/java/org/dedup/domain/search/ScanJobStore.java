package org.dedup.domain.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;

/**
 * Port: the tenants' scan jobs, of which each tenant has at most one running at a time. A running job holds a lease:
 * the process running it renews its heartbeat while it runs, and only a job whose heartbeat is older than the lease
 * is taken for one a stopped process left behind.
 */
public interface ScanJobStore {

    /**
     * Stores {@code job}, which is running, its heartbeat at its start, unless its tenant has a running job already,
     * atomically.
     *
     * @return empty when stored, otherwise the tenant's running job (nothing is stored)
     */
    Optional<ScanJob> startUnlessRunning(ScanJob job);

    /** Stores how a running job ended; its tenant may then start another. */
    void end(ScanJob ended);

    Optional<ScanJob> find(TenantId tenant, UUID id);

    /** The tenant's {@code limit} latest jobs, the last started first, whatever their outcome. */
    List<ScanJob> recent(TenantId tenant, int limit);

    /** Renews the heartbeat of those of {@code running} that still run (the jobs this process runs) to {@code at}. */
    void renew(Collection<ScanJob> running, Instant at);

    /**
     * Ends as interrupted at {@code at} every job of {@code tenant} still running whose heartbeat is before
     * {@code heartbeatBefore}: the process that ran it stopped, while a job another live process runs is left alone.
     * Other tenants' jobs are never touched.
     *
     * @return how many were ended
     */
    int interruptStale(TenantId tenant, Instant heartbeatBefore, Instant at);
}
