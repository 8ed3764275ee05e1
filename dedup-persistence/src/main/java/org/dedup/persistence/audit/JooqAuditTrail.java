package org.dedup.persistence.audit;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.WRITE_AUDIT;

import java.util.Collection;
import java.util.List;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.WriteAuditRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Who made each write, one row per write, found by its subject, or listed a page at a time, newest first, by
 * (written_at, id).
 */
public final class JooqAuditTrail implements AuditTrail {
    private final DSLContext dsl;

    public JooqAuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(AuditEvent event) {
        Storage.run("record", "who wrote " + event.subject(), event.tenant(), () -> dsl.insertInto(WRITE_AUDIT)
                .set(WRITE_AUDIT.TENANT_ID, event.tenant().value())
                .set(WRITE_AUDIT.ID, event.id())
                .set(WRITE_AUDIT.WRITTEN_AT, time(event.at()))
                .set(WRITE_AUDIT.ACTOR, event.actor())
                .set(WRITE_AUDIT.ACTION, event.action().id())
                .set(WRITE_AUDIT.SUBJECT, event.subject())
                .execute());
    }

    @Override
    public List<AuditEvent> about(TenantId tenant, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return Storage.attempt("read", "who wrote " + subjects.size() + " subjects", tenant, () -> dsl
                .selectFrom(WRITE_AUDIT)
                .where(WRITE_AUDIT.TENANT_ID.eq(tenant.value()), WRITE_AUDIT.SUBJECT.in(subjects))
                .orderBy(WRITE_AUDIT.WRITTEN_AT, WRITE_AUDIT.ID)
                .fetch(JooqAuditTrail::event));
    }

    @Override
    public List<AuditEvent> page(TenantId tenant, Query query) {
        Condition filters = DSL.and(
                query.actor().map(WRITE_AUDIT.ACTOR::eq).orElse(DSL.noCondition()),
                query.actions().isEmpty() ? DSL.noCondition()
                        : WRITE_AUDIT.ACTION.in(query.actions().stream().map(AuditAction::id).toList()),
                query.subject().map(WRITE_AUDIT.SUBJECT::eq).orElse(DSL.noCondition()));
        return Storage.attempt("read", "a page of the audit trail", tenant, () -> dsl
                .selectFrom(WRITE_AUDIT)
                .where(WRITE_AUDIT.TENANT_ID.eq(tenant.value()), filters,
                        JooqMergeHistory.window(query.page(), WRITE_AUDIT.WRITTEN_AT, WRITE_AUDIT.ID))
                .orderBy(WRITE_AUDIT.WRITTEN_AT.desc(), WRITE_AUDIT.ID.desc())
                .limit(query.page().limit())
                .fetch(JooqAuditTrail::event));
    }

    private static AuditEvent event(WriteAuditRecord row) {
        return new AuditEvent(row.getId(), new TenantId(row.getTenantId()), instant(row.getWrittenAt()),
                row.getActor(), AuditAction.of(row.getAction()), row.getSubject());
    }
}
