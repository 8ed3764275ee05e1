package org.dedup.persistence.index;

import static org.dedup.persistence.jooq.Tables.LEAD_INDEX_JOB;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dedup.domain.index.IndexJob;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.index.IndexState;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.persistence.Timestamps;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.LeadIndexJobRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Reindex jobs in {@code lead_index_job}, a row per tenant and method. A page is claimed by an update that names the
 * run and the count of leads indexed it read, so of two processes on one database only one indexes each page: the
 * other's update waits on the row lock, then matches no row.
 */
public final class JooqIndexJobStore implements IndexJobStore {
    private final DSLContext dsl;

    public JooqIndexJobStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void start(IndexJob job) {
        LeadIndexJobRecord row = row(dsl, job);
        Storage.run("start", "the reindex of " + job.method(), job.tenant(), () -> dsl.insertInto(LEAD_INDEX_JOB)
                .set(row).onConflict(LEAD_INDEX_JOB.TENANT_ID, LEAD_INDEX_JOB.METHOD).doUpdate().set(row)
                .execute());
    }

    @Override
    public boolean advance(IndexJob from, IndexJob to) {
        if (!from.tenant().equals(to.tenant()) || !from.method().equals(to.method()) || !from.run().equals(to.run())) {
            throw new IllegalArgumentException("an index job advances within its own run");
        }
        return Storage.attempt("advance", "the reindex of " + to.method(), to.tenant(), () -> dsl
                .update(LEAD_INDEX_JOB)
                .set(LEAD_INDEX_JOB.STATE, to.state().name())
                .set(LEAD_INDEX_JOB.AFTER_LEAD, to.after().map(LeadId::value).orElse(null))
                .set(LEAD_INDEX_JOB.LEADS_INDEXED, to.leadsIndexed())
                .set(LEAD_INDEX_JOB.LEADS_TOTAL, to.leadsTotal())
                .set(LEAD_INDEX_JOB.FINISHED_AT, Timestamps.time(to.finishedAt().orElse(null)))
                .where(LEAD_INDEX_JOB.TENANT_ID.eq(to.tenant().value()), LEAD_INDEX_JOB.METHOD.eq(to.method().id()),
                        LEAD_INDEX_JOB.RUN_ID.eq(from.run()), LEAD_INDEX_JOB.STATE.eq(from.state().name()),
                        LEAD_INDEX_JOB.LEADS_INDEXED.eq(from.leadsIndexed()))
                .execute()) == 1;
    }

    @Override
    public Optional<IndexJob> find(TenantId tenant, MatchMethod method) {
        return Storage.attempt("read", "the reindex of " + method, tenant, () -> dsl.selectFrom(LEAD_INDEX_JOB)
                .where(LEAD_INDEX_JOB.TENANT_ID.eq(tenant.value()), LEAD_INDEX_JOB.METHOD.eq(method.id()))
                .fetchOptional(JooqIndexJobStore::job));
    }

    @Override
    public List<IndexJob> jobs(TenantId tenant) {
        return Storage.attempt("read", "the reindex jobs", tenant, () -> dsl.selectFrom(LEAD_INDEX_JOB)
                .where(LEAD_INDEX_JOB.TENANT_ID.eq(tenant.value())).orderBy(LEAD_INDEX_JOB.METHOD)
                .fetch(JooqIndexJobStore::job));
    }

    /** The one statement over every tenant: which jobs are due; each job is then worked on in its own tenant. */
    @Override
    public List<IndexJob> due(Instant now, int limit) {
        try {
            return dsl.selectFrom(LEAD_INDEX_JOB)
                    .where(LEAD_INDEX_JOB.STATE.eq(IndexState.INDEXING.name()),
                            LEAD_INDEX_JOB.NOT_BEFORE.le(Timestamps.time(now)))
                    .orderBy(LEAD_INDEX_JOB.STARTED_AT, LEAD_INDEX_JOB.TENANT_ID, LEAD_INDEX_JOB.METHOD).limit(limit)
                    .fetch(JooqIndexJobStore::job);
        } catch (DataAccessException e) {
            throw Storage.translated("could not read the due reindex jobs", e);
        }
    }

    @Override
    public void remove(TenantId tenant, MatchMethod method) {
        Storage.run("remove", "the reindex of " + method, tenant, () -> dsl.deleteFrom(LEAD_INDEX_JOB)
                .where(LEAD_INDEX_JOB.TENANT_ID.eq(tenant.value()), LEAD_INDEX_JOB.METHOD.eq(method.id()))
                .execute());
    }

    private static LeadIndexJobRecord row(DSLContext dsl, IndexJob job) {
        LeadIndexJobRecord row = dsl.newRecord(LEAD_INDEX_JOB);
        row.setTenantId(job.tenant().value());
        row.setMethod(job.method().id());
        row.setRunId(job.run());
        row.setState(job.state().name());
        row.setAfterLead(job.after().map(LeadId::value).orElse(null));
        row.setLeadsIndexed(job.leadsIndexed());
        row.setLeadsTotal(job.leadsTotal());
        row.setStartedAt(Timestamps.time(job.startedAt()));
        row.setNotBefore(Timestamps.time(job.notBefore()));
        row.setFinishedAt(Timestamps.time(job.finishedAt().orElse(null)));
        return row;
    }

    private static IndexJob job(LeadIndexJobRecord row) {
        return new IndexJob(new TenantId(row.getTenantId()), new MatchMethod(row.getMethod()), row.getRunId(),
                IndexState.valueOf(row.getState()), Optional.ofNullable(row.getAfterLead()).map(LeadId::new),
                row.getLeadsIndexed(), row.getLeadsTotal(), Timestamps.instant(row.getStartedAt()),
                Timestamps.instant(row.getNotBefore()), Optional.ofNullable(Timestamps.instant(row.getFinishedAt())));
    }
}
