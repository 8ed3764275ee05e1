package org.dedup.app.http;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateSearch;

/** Bulk scans started over HTTP, run in the background; each is visible to its own tenant only. */
final class ScanJobs implements AutoCloseable {
    private final Map<UUID, ScanJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final DuplicateSearch search;

    record ScanJob(UUID id, TenantId tenant, String status, Instant started, BulkSearchResult result, String error) {
        ScanJob finished(BulkSearchResult value) {
            return new ScanJob(id, tenant, "done", started, value, null);
        }

        ScanJob failed(String message) {
            return new ScanJob(id, tenant, "failed", started, null, message);
        }
    }

    ScanJobs(DuplicateSearch search) {
        this.search = search;
    }

    ScanJob start(TenantId tenant) {
        ScanJob job = new ScanJob(UUID.randomUUID(), tenant, "running", Instant.now(), null, null);
        jobs.put(job.id(), job);
        executor.submit(() -> {
            try {
                jobs.put(job.id(), job.finished(search.scan(tenant)));
            } catch (RuntimeException e) {
                jobs.put(job.id(), job.failed(e.getMessage()));
            }
        });
        return job;
    }

    Optional<ScanJob> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.tenant().equals(tenant));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
