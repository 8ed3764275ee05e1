package org.dedup.domain.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dedup.domain.index.IndexJob;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.index.IndexState;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;

/** Reindex jobs in memory, with the semantics of the database adapters. */
public final class InMemoryIndexJobs implements IndexJobStore {
    private final Map<String, IndexJob> jobs = new TreeMap<>();

    @Override
    public synchronized void start(IndexJob job) {
        jobs.put(key(job.tenant(), job.method()), job);
    }

    @Override
    public synchronized boolean advance(IndexJob from, IndexJob to) {
        if (!from.tenant().equals(to.tenant()) || !from.method().equals(to.method()) || !from.run().equals(to.run())) {
            throw new IllegalArgumentException("an index job advances within its own run");
        }
        IndexJob stored = jobs.get(key(from.tenant(), from.method()));
        if (stored == null || !stored.run().equals(from.run()) || stored.state() != from.state()
                || stored.leadsIndexed() != from.leadsIndexed()) {
            return false;
        }
        jobs.put(key(to.tenant(), to.method()), to);
        return true;
    }

    @Override
    public synchronized Optional<IndexJob> find(TenantId tenant, MatchMethod method) {
        return Optional.ofNullable(jobs.get(key(tenant, method)));
    }

    @Override
    public synchronized List<IndexJob> jobs(TenantId tenant) {
        return jobs.values().stream().filter(job -> job.tenant().equals(tenant))
                .sorted(Comparator.comparing(job -> job.method().id())).toList();
    }

    @Override
    public synchronized List<IndexJob> due(Instant now, int limit) {
        return jobs.values().stream().filter(job -> job.state() == IndexState.INDEXING && !job.notBefore().isAfter(now))
                .sorted(Comparator.comparing(IndexJob::startedAt).thenComparing(job -> job.tenant().value())
                        .thenComparing(job -> job.method().id()))
                .limit(limit).toList();
    }

    @Override
    public synchronized void remove(TenantId tenant, MatchMethod method) {
        jobs.remove(key(tenant, method));
    }

    private static String key(TenantId tenant, MatchMethod method) {
        return tenant.value() + "\u0000" + method.id();
    }
}
