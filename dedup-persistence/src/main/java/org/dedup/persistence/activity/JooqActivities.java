package org.dedup.persistence.activity;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.ACTIVITY;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.Task;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.jooq.DSLContext;

/** Tasks and notes of leads, in one {@code activity} table told apart by kind. */
public final class JooqActivities implements TaskSink, NoteSink {
    private static final String TASK = "task";
    private static final String NOTE = "note";
    private final DSLContext dsl;

    public JooqActivities(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(Task task) {
        dsl.insertInto(ACTIVITY)
                .set(ACTIVITY.TENANT_ID, task.tenant().value()).set(ACTIVITY.ID, task.id())
                .set(ACTIVITY.LEAD_ID, task.lead().value()).set(ACTIVITY.KIND, TASK).set(ACTIVITY.TEXT, task.text())
                .set(ACTIVITY.DUE_AT, time(task.due())).set(ACTIVITY.RESPONSIBLE, task.responsible())
                .set(ACTIVITY.CREATED_AT, time(task.createdAt()))
                .execute();
    }

    @Override
    public List<Task> tasksOf(TenantId tenant, LeadId lead) {
        return dsl.selectFrom(ACTIVITY)
                .where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.LEAD_ID.eq(lead.value()), ACTIVITY.KIND.eq(TASK))
                .orderBy(ACTIVITY.CREATED_AT, ACTIVITY.ID)
                .fetch(r -> new Task(r.getId(), tenant, lead, r.getText(), instant(r.getDueAt()), r.getResponsible(),
                        instant(r.getCreatedAt())));
    }

    @Override
    public void add(Note note) {
        dsl.insertInto(ACTIVITY)
                .set(ACTIVITY.TENANT_ID, note.tenant().value()).set(ACTIVITY.ID, note.id())
                .set(ACTIVITY.LEAD_ID, note.lead().value()).set(ACTIVITY.KIND, NOTE).set(ACTIVITY.TEXT, note.text())
                .set(ACTIVITY.CREATED_AT, time(note.createdAt()))
                .execute();
    }

    @Override
    public List<Note> notesOf(TenantId tenant, LeadId lead) {
        return dsl.selectFrom(ACTIVITY)
                .where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.LEAD_ID.eq(lead.value()), ACTIVITY.KIND.eq(NOTE))
                .orderBy(ACTIVITY.CREATED_AT, ACTIVITY.ID)
                .fetch(r -> new Note(r.getId(), tenant, lead, r.getText(), instant(r.getCreatedAt())));
    }

    @Override
    public void move(TenantId tenant, UUID activity, LeadId to) {
        dsl.update(ACTIVITY).set(ACTIVITY.LEAD_ID, to.value())
                .where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.ID.eq(activity)).execute();
    }

    @Override
    public void remove(TenantId tenant, UUID activity) {
        dsl.deleteFrom(ACTIVITY).where(ACTIVITY.TENANT_ID.eq(tenant.value()), ACTIVITY.ID.eq(activity)).execute();
    }
}
