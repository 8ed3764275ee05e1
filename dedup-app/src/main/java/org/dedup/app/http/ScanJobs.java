package org.dedup.app.http;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/scans}: bulk scans started over HTTP and run in the background, one per tenant at a time (a second
 * gets 409 naming the running one). Jobs are stored: a job of a tenant this server serves that was running when a
 * previous server stopped is shown as interrupted once its lease ran out ({@link BulkScans#lease()}). This server
 * renews the leases of the scans it runs (over HTTP or by schedule) several times per lease, so a server starting on
 * the same database leaves them alone.
 */
final class ScanJobs implements Resource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanJobs.class);
    /** Beats per lease: a lease survives a few missed beats (a long pause, a slow database) before it runs out. */
    private static final int BEATS_PER_LEASE = 4;
    private static final int RECENT = 10;
    private static final int MAX_RECENT = 100;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("dedup-scan-leases").factory());
    private final BulkScans scans;
    private final Audited audited;
    private volatile List<TenantId> served = List.of();

    @Inject
    ScanJobs(BulkScans scans, Audited audited) {
        this.scans = scans;
        this.audited = audited;
    }

    /**
     * Ends the scans a stopped server left running for the tenants this server serves, then renews the leases of
     * this server's scans and ends those a server stops meanwhile.
     */
    void start(Collection<TenantId> tenants) {
        served = List.copyOf(tenants);
        interruptLeftRunning();
        long beat = scans.lease().dividedBy(BEATS_PER_LEASE).toMillis();
        leases.scheduleWithFixedDelay(this::keepLeases, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Tenant by tenant: every statement on scan jobs is one tenant's. */
    private void interruptLeftRunning() {
        int interrupted = 0;
        for (TenantId tenant : served) {
            interrupted += scans.interruptLeftRunning(tenant);
        }
        if (interrupted > 0) {
            LOG.warn("{} scan(s) left running by a server that stopped are now marked interrupted", interrupted);
        }
    }

    /** Never throws: a failure would end the schedule; the next beat tries again. */
    private void keepLeases() {
        try {
            scans.renewLeases();
            interruptLeftRunning();
        } catch (RuntimeException e) {
            LOG.warn("could not renew the leases of the running scans ({}); trying again in {} ms",
                    e.getClass().getSimpleName(), scans.lease().dividedBy(BEATS_PER_LEASE).toMillis());
            LOG.debug("scan lease failure", e);
        }
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/v1/scans", this::start),
                Route.get("/v1/scans", call -> Map.of("scans", scans.recent(call.tenant(),
                        call.query().number("limit", RECENT, MAX_RECENT)).stream().map(ScanJobs::view).toList())),
                Route.get("/v1/scans/{id}", call -> find(call.tenant(), id(call.path("id")))));
    }

    private Map<String, Object> start(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        byte[] body = call.bytesOrEmpty();
        return start(writer, body.length == 0 ? ScanMethod.RULES : call.parse(body, ScanRequest.class).scanMethod());
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "scan id '" + text + "' is not a UUID");
        }
    }

    /** The job is stored, with who started it, before it runs: its end updates the stored job. */
    private Map<String, Object> start(Audited.Writer writer, ScanMethod method) {
        TenantId tenant = writer.tenant();
        ScanJob job = audited.write(writer, AuditAction.SCAN_START, () -> scans.start(tenant, method),
                started -> started.id().toString());
        executor.submit(() -> {
            try {
                scans.run(job, method);
            } catch (RuntimeException e) {
                LOG.warn("scan {} of tenant {} failed; its previous groups are kept", job.id(), tenant);
                LOG.debug("scan {} failure", job.id(), e);
            }
        });
        Map<String, Object> view = view(job);
        view.put("method", method.id());
        return view;
    }

    private Map<String, Object> find(TenantId tenant, UUID id) {
        return view(scans.find(tenant, id).orElseThrow(
                () -> new RecordNotFoundException("scan " + id + " does not exist for this tenant")));
    }

    private static Map<String, Object> view(ScanJob job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("started", job.started().toString());
        switch (job.outcome()) {
            case ScanJob.Running running -> view.put("status", "running");
            case ScanJob.Done done -> {
                view.put("status", "done");
                view.put("finished", done.finished().toString());
                view.put("records", done.summary().records());
                view.put("pairsCompared", done.summary().pairsCompared());
                view.put("allPairs", done.summary().allPairs());
                view.put("groups", done.summary().groups());
                view.put("oversizedBlocks", done.summary().oversizedBlocks());
            }
            case ScanJob.Failed failed -> {
                view.put("status", "failed");
                view.put("finished", failed.finished().toString());
                view.put("error", failed.reason());
            }
            case ScanJob.Interrupted interrupted -> {
                view.put("status", "interrupted");
                view.put("finished", interrupted.finished().toString());
                view.put("error", "the server stopped while the scan ran; the previous groups are kept");
            }
        }
        return view;
    }

    @Override
    public void close() {
        leases.shutdownNow();
        executor.shutdownNow();
    }
}
