package org.dedup.persistence.search;

import static org.dedup.persistence.jooq.Tables.SCAN_JOB;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.persistence.Timestamps;
import org.dedup.persistence.failure.DuplicateRecordException;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.ScanJobRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.DSLContext;

/**
 * Scan jobs, a row each. A running job holds its tenant in {@code running_tenant}, whose unique constraint refuses
 * a second running job of the tenant in the same insert that would store it; ending the job clears it. Its lease is
 * {@code heartbeat_at}, renewed by the process running it.
 */
public final class JooqScanJobStore implements ScanJobStore {
    private static final String RUNNING = "running";
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqScanJobStore(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    /**
     * The insert is a transaction of its own, a savepoint inside the caller's: refused, it leaves the caller's
     * transaction usable for the read that follows (PostgreSQL aborts a transaction whose statement failed).
     */
    @Override
    public Optional<ScanJob> startUnlessRunning(ScanJob job) {
        while (true) {
            try {
                Storage.run("start", "scan " + job.id(), job.tenant(), () -> dsl.transaction(c -> dsl
                        .insertInto(SCAN_JOB)
                        .set(SCAN_JOB.TENANT_ID, job.tenant().value())
                        .set(SCAN_JOB.ID, job.id())
                        .set(SCAN_JOB.STATUS, RUNNING)
                        .set(SCAN_JOB.STARTED_AT, Timestamps.time(job.started()))
                        .set(SCAN_JOB.RUNNING_TENANT, job.tenant().value())
                        .set(SCAN_JOB.HEARTBEAT_AT, Timestamps.time(job.started()))
                        .execute()));
                return Optional.empty();
            } catch (DuplicateRecordException runningAlready) {
                Optional<ScanJob> running = Storage.attempt("read", "the running scan", job.tenant(),
                        () -> dsl.selectFrom(SCAN_JOB).where(SCAN_JOB.TENANT_ID.eq(job.tenant().value()),
                                SCAN_JOB.RUNNING_TENANT.eq(job.tenant().value()))
                                .fetchOptional(this::job));
                if (running.isPresent()) {
                    return running;
                }
                // it ended between the insert and the read: the tenant is free again, so try once more
            }
        }
    }

    @Override
    public void end(ScanJob ended) {
        ScanJobRecord row = dsl.newRecord(SCAN_JOB);
        outcome(row, ended.outcome());
        Storage.run("end", "scan " + ended.id(), ended.tenant(), () -> dsl.update(SCAN_JOB)
                .set(SCAN_JOB.STATUS, row.getStatus())
                .set(SCAN_JOB.FINISHED_AT, row.getFinishedAt())
                .set(SCAN_JOB.SUMMARY, row.getSummary())
                .set(SCAN_JOB.REASON, row.getReason())
                .setNull(SCAN_JOB.RUNNING_TENANT)
                .where(SCAN_JOB.TENANT_ID.eq(ended.tenant().value()), SCAN_JOB.ID.eq(ended.id()))
                .execute());
    }

    @Override
    public Optional<ScanJob> find(TenantId tenant, UUID id) {
        return Storage.attempt("read", "scan " + id, tenant, () -> dsl.selectFrom(SCAN_JOB)
                .where(SCAN_JOB.TENANT_ID.eq(tenant.value()), SCAN_JOB.ID.eq(id)).fetchOptional(this::job));
    }

    @Override
    public List<ScanJob> recent(TenantId tenant, int limit) {
        return Storage.attempt("read", "the latest scans", tenant, () -> dsl.selectFrom(SCAN_JOB)
                .where(SCAN_JOB.TENANT_ID.eq(tenant.value())).orderBy(SCAN_JOB.STARTED_AT.desc(), SCAN_JOB.ID)
                .limit(limit).fetch(this::job));
    }

    @Override
    public void renew(Collection<ScanJob> running, Instant at) {
        for (ScanJob job : running) {
            Storage.run("renew the lease of", "scan " + job.id(), job.tenant(), () -> dsl.update(SCAN_JOB)
                    .set(SCAN_JOB.HEARTBEAT_AT, Timestamps.time(at))
                    .where(SCAN_JOB.TENANT_ID.eq(job.tenant().value()), SCAN_JOB.ID.eq(job.id()),
                            SCAN_JOB.STATUS.eq(RUNNING))
                    .execute());
        }
    }

    /** A running row without a heartbeat (none of this version's) counts as stale. */
    @Override
    public int interruptStale(TenantId tenant, Instant heartbeatBefore, Instant at) {
        ScanJobRecord row = dsl.newRecord(SCAN_JOB);
        outcome(row, new ScanJob.Interrupted(at));
        return Storage.attempt("interrupt", "the scans left running", tenant, () -> dsl.update(SCAN_JOB)
                .set(SCAN_JOB.STATUS, row.getStatus())
                .set(SCAN_JOB.FINISHED_AT, row.getFinishedAt())
                .setNull(SCAN_JOB.RUNNING_TENANT)
                .where(SCAN_JOB.TENANT_ID.eq(tenant.value()), SCAN_JOB.STATUS.eq(RUNNING),
                        SCAN_JOB.HEARTBEAT_AT.isNull().or(SCAN_JOB.HEARTBEAT_AT.lt(Timestamps.time(heartbeatBefore))))
                .execute());
    }

    private void outcome(ScanJobRecord row, ScanJob.Outcome outcome) {
        switch (outcome) {
            case ScanJob.Running running -> row.setStatus(RUNNING);
            case ScanJob.Done done -> {
                row.setStatus("done");
                row.setFinishedAt(Timestamps.time(done.finished()));
                row.setSummary(codec.write(done.summary()));
            }
            case ScanJob.Failed failed -> {
                row.setStatus("failed");
                row.setFinishedAt(Timestamps.time(failed.finished()));
                row.setReason(failed.reason());
            }
            case ScanJob.Interrupted interrupted -> {
                row.setStatus("interrupted");
                row.setFinishedAt(Timestamps.time(interrupted.finished()));
            }
        }
    }

    private ScanJob job(ScanJobRecord row) {
        Instant finished = Timestamps.instant(row.getFinishedAt());
        ScanJob.Outcome outcome = switch (row.getStatus()) {
            case RUNNING -> new ScanJob.Running();
            case "done" -> new ScanJob.Done(finished, codec.read(row.getSummary(), ScanJob.Summary.class));
            case "failed" -> new ScanJob.Failed(finished, row.getReason());
            default -> new ScanJob.Interrupted(finished);
        };
        return new ScanJob(row.getId(), new TenantId(row.getTenantId()), Timestamps.instant(row.getStartedAt()),
                outcome);
    }
}
