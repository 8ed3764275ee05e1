package org.dedup.domain.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;

/** Scan jobs in memory. */
public final class InMemoryScanJobs implements ScanJobStore {
    private final Map<UUID, ScanJob> jobs = new LinkedHashMap<>();
    private final Map<UUID, Instant> heartbeats = new HashMap<>();

    @Override
    public synchronized Optional<ScanJob> startUnlessRunning(ScanJob job) {
        Optional<ScanJob> running = jobs.values().stream()
                .filter(j -> j.tenant().equals(job.tenant()) && j.outcome() instanceof ScanJob.Running).findFirst();
        if (running.isEmpty()) {
            jobs.put(job.id(), job);
            heartbeats.put(job.id(), job.started());
        }
        return running;
    }

    @Override
    public synchronized void end(ScanJob ended) {
        jobs.put(ended.id(), ended);
    }

    @Override
    public synchronized Optional<ScanJob> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.tenant().equals(tenant));
    }

    @Override
    public synchronized List<ScanJob> recent(TenantId tenant, int limit) {
        return jobs.values().stream().filter(job -> job.tenant().equals(tenant))
                .sorted(Comparator.comparing(ScanJob::started).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized void renew(Collection<ScanJob> running, Instant at) {
        running.stream().filter(job -> jobs.get(job.id()) != null
                        && jobs.get(job.id()).outcome() instanceof ScanJob.Running)
                .forEach(job -> heartbeats.put(job.id(), at));
    }

    @Override
    public synchronized int interruptStale(TenantId tenant, Instant heartbeatBefore, Instant at) {
        List<ScanJob> stale = jobs.values().stream().filter(j -> j.tenant().equals(tenant)
                && j.outcome() instanceof ScanJob.Running && heartbeats.get(j.id()).isBefore(heartbeatBefore)).toList();
        stale.forEach(job -> jobs.put(job.id(), job.ended(new ScanJob.Interrupted(at))));
        return stale.size();
    }
}
