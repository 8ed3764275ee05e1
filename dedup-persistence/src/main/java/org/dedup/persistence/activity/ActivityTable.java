package org.dedup.persistence.activity;

import static org.dedup.persistence.jooq.Tables.ACTIVITY;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.ActivityRecord;
import org.jooq.DSLContext;
import org.jooq.RecordMapper;

/** Tasks and notes share the {@code activity} table, told apart by kind; every statement filters on both. */
final class ActivityTable {
    private final DSLContext dsl;
    private final String kind;

    ActivityTable(DSLContext dsl, String kind) {
        this.dsl = dsl;
        this.kind = kind;
    }

    void add(TenantId tenant, UUID id, ActivityRecord row) {
        row.setTenantId(tenant.value());
        row.setId(id);
        row.setKind(kind);
        Storage.run("add", kind + " " + id, tenant, () -> dsl.insertInto(ACTIVITY).set(row).execute());
    }

    <T> List<T> of(TenantId tenant, LeadId lead, RecordMapper<ActivityRecord, T> mapper) {
        return Storage.attempt("read the " + kind + "s of", lead, tenant, () -> dsl.selectFrom(ACTIVITY)
                .where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.LEAD_ID.eq(lead.value()), ACTIVITY.KIND.eq(kind))
                .orderBy(ACTIVITY.CREATED_AT, ACTIVITY.ID)
                .fetch(mapper));
    }

    void move(TenantId tenant, UUID id, LeadId to) {
        Storage.run("move", kind + " " + id, tenant, () -> dsl.update(ACTIVITY).set(ACTIVITY.LEAD_ID, to.value())
                .where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.ID.eq(id), ACTIVITY.KIND.eq(kind)).execute());
    }

    void remove(TenantId tenant, UUID id) {
        Storage.run("remove", kind + " " + id, tenant, () -> dsl.deleteFrom(ACTIVITY)
                .where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.ID.eq(id), ACTIVITY.KIND.eq(kind)).execute());
    }
}
