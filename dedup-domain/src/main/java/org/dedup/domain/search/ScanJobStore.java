package org.dedup.domain.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;

/** Port: the tenants' scan jobs, of which each tenant has at most one running at a time. */
public interface ScanJobStore {

    /**
     * Stores {@code job}, which is running, unless its tenant has a running job already, atomically.
     *
     * @return empty when stored, otherwise the tenant's running job (nothing is stored)
     */
    Optional<ScanJob> startUnlessRunning(ScanJob job);

    /** Stores how a running job ended; its tenant may then start another. */
    void end(ScanJob ended);

    Optional<ScanJob> find(TenantId tenant, UUID id);

    /** The tenant's {@code limit} latest jobs, the last started first, whatever their outcome. */
    List<ScanJob> recent(TenantId tenant, int limit);

    /**
     * Ends every job still running, of every tenant, as interrupted at {@code at}: for a process starting after
     * one that stopped while it ran them.
     *
     * @return how many were running
     */
    int interruptRunning(Instant at);
}
