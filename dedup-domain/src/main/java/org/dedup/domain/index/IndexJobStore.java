package org.dedup.domain.index;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;

/**
 * Port: the reindex jobs of the tenants, at most one per tenant and method, kept across restarts. A method a tenant
 * enables with no job stored was enabled before its leads were indexed by method (every lead then carried the keys
 * of every installed matcher), or its job was removed: its leads are indexed for it.
 */
public interface IndexJobStore {

    /** Stores {@code job}, replacing the tenant's job of the same method, whatever its run and state. */
    void start(IndexJob job);

    /**
     * Replaces {@code from} by {@code to} (the same tenant, method and run) if the stored job is still {@code from}
     * (its run and its count of leads indexed); inside a transaction the stored job stays locked until it ends, so
     * two processes never index the same page.
     *
     * @return false, storing nothing, when the stored job is another run, another page further, or gone
     */
    boolean advance(IndexJob from, IndexJob to);

    Optional<IndexJob> find(TenantId tenant, MatchMethod method);

    /** The tenant's jobs, by method id. */
    List<IndexJob> jobs(TenantId tenant);

    /** Up to {@code limit} jobs of any tenant still indexing whose {@code notBefore} is not after {@code now}, oldest first. */
    List<IndexJob> due(Instant now, int limit);

    /** Removes the tenant's job of {@code method}, if any. */
    void remove(TenantId tenant, MatchMethod method);
}
