package org.dedup.domain.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.StorageUnavailableException;

/**
 * Bulk searches as stored jobs, one running per tenant at a time, each in bounded memory (it spills to disk, see
 * {@link DuplicateSearch#scan(TenantId, ScanMethod, SpillingBulkSearch)}): a job is started (or refused, naming the
 * running one), run to its end by the caller's executor, and its outcome stored. While this process runs a job its
 * lease is renewed ({@link #renewLeases}, which the runtime calls more often than every {@link #lease()}); a job
 * whose lease ran out was left by a process that stopped and is ended as interrupted, so none is lost or left running
 * forever, while the jobs of other live processes on the same database are left alone.
 */
public final class BulkScans {
    /** How long a running job's heartbeat counts by default: older, the process running it is taken for stopped. */
    public static final Duration LEASE = Duration.ofMinutes(1);
    private final DuplicateSearch search;
    private final ScanJobStore jobs;
    private final SpillingBulkSearch spilling;
    private final Clock clock;
    private final Duration lease;
    private final Set<ScanJob> running = ConcurrentHashMap.newKeySet();

    /** Bulk scans whose leases last the default {@link #LEASE}. */
    public BulkScans(DuplicateSearch search, ScanJobStore jobs, SpillingBulkSearch spilling, Clock clock) {
        this(search, jobs, spilling, clock, LEASE);
    }

    /** Bulk scans whose leases last {@code lease}: a job not renewed for that long is taken for a stopped one's. */
    public BulkScans(DuplicateSearch search, ScanJobStore jobs, SpillingBulkSearch spilling, Clock clock,
                     Duration lease) {
        this.search = Require.nonNull(search, "duplicate search");
        this.jobs = Require.nonNull(jobs, "scan job store");
        this.spilling = Require.nonNull(spilling, "spilling search");
        this.clock = Require.nonNull(clock, "clock");
        this.lease = Require.nonNull(lease, "scan lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a scan lease must be positive, was " + lease);
        }
    }

    /** How long a running job's heartbeat counts; renew the leases several times within it. */
    public Duration lease() {
        return lease;
    }

    /**
     * A new running job of the tenant, stored; run it with {@link #run}.
     *
     * @throws ScanAlreadyRunningException when the tenant has a running job
     */
    public ScanJob start(TenantId tenant) {
        return start(tenant, ScanMethod.RULES);
    }

    /**
     * A new running job of the tenant by {@code method}, stored; run it with {@link #run(ScanJob, ScanMethod)}.
     *
     * @throws ScanAlreadyRunningException when the tenant has a running job
     * @throws org.dedup.domain.model.InvalidOptionException when no installed method can scan by {@code method}
     */
    public ScanJob start(TenantId tenant, ScanMethod method) {
        search.requireAvailable(method);
        ScanJob job = ScanJob.running(tenant, clock.instant());
        Optional<ScanJob> other = jobs.startUnlessRunning(job);
        if (other.isPresent() && interruptLeftRunning(tenant) > 0) {
            // the running one may have been a stopped process's, now ended: the tenant may be free
            other = jobs.startUnlessRunning(job);
        }
        if (other.isPresent()) {
            throw new ScanAlreadyRunningException(tenant, other.get().id());
        }
        return job;
    }

    /** Runs a started job by the tenant's rules; see {@link #run(ScanJob, ScanMethod)}. */
    public ScanJob run(ScanJob job) {
        return run(job, ScanMethod.RULES);
    }

    /**
     * Runs a started job by {@code method} on the calling thread and stores how it ended: done with its summary, or
     * failed, the previous groups then being kept. A failure is stored with a reason fit for any caller (never a
     * statement or a record's values) and thrown again for the caller to log.
     */
    public ScanJob run(ScanJob job, ScanMethod method) {
        running.add(job);
        try {
            ScanJob done = job.ended(new ScanJob.Done(clock.instant(),
                    ScanJob.Summary.of(search.scan(job.tenant(), method, spilling))));
            jobs.end(done);
            return done;
        } catch (RuntimeException e) {
            jobs.end(job.ended(new ScanJob.Failed(clock.instant(), e instanceof StorageUnavailableException
                    ? "the database became unavailable; the previous groups are kept, start the scan again"
                    : "the scan failed; the previous groups are kept")));
            throw e;
        } finally {
            running.remove(job);
        }
    }

    public Optional<ScanJob> find(TenantId tenant, UUID id) {
        return jobs.find(tenant, id);
    }

    /** The tenant's {@code limit} latest scans, the last started first: its last runs, scheduled or not. */
    public List<ScanJob> recent(TenantId tenant, int limit) {
        return jobs.recent(tenant, limit);
    }

    /** Renews the leases of the jobs this process runs now. */
    public void renewLeases() {
        if (!running.isEmpty()) {
            jobs.renew(List.copyOf(running), clock.instant());
        }
    }

    /**
     * Ends as interrupted the tenant's jobs whose lease ran out (a stopped process left them running); how many.
     */
    public int interruptLeftRunning(TenantId tenant) {
        Instant now = clock.instant();
        return jobs.interruptStale(tenant, now.minus(lease), now);
    }
}
