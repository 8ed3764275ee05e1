package org.dedup.persistence.audit;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.WRITE_AUDIT;

import java.util.Collection;
import java.util.List;

import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.failure.Storage;
import org.jooq.DSLContext;

/** Who made each write, one row per write, found by its subject. */
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
                .set(WRITE_AUDIT.ACTION, event.action())
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
                .fetch(r -> new AuditEvent(r.getId(), tenant, instant(r.getWrittenAt()), r.getActor(), r.getAction(),
                        r.getSubject())));
    }
}
