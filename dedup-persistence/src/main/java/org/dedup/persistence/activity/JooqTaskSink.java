package org.dedup.persistence.activity;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.activity.Task;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.jooq.tables.records.ActivityRecord;
import org.jooq.DSLContext;

/** Tasks of leads, rows of kind "task" in {@code activity}. */
public final class JooqTaskSink implements TaskSink {
    private final ActivityTable table;

    public JooqTaskSink(DSLContext dsl) {
        this.table = new ActivityTable(dsl, "task");
    }

    @Override
    public void add(Task task) {
        ActivityRecord row = new ActivityRecord();
        row.setLeadId(task.lead().value());
        row.setText(task.text());
        row.setDueAt(time(task.due()));
        row.setResponsible(task.responsible());
        row.setCreatedAt(time(task.createdAt()));
        table.add(task.tenant(), task.id(), row);
    }

    @Override
    public List<Task> tasksOf(TenantId tenant, LeadId lead) {
        return table.of(tenant, lead, r -> new Task(r.getId(), tenant, lead, r.getText(), instant(r.getDueAt()),
                r.getResponsible(), instant(r.getCreatedAt())));
    }

    @Override
    public void move(TenantId tenant, UUID task, LeadId to) {
        table.move(tenant, task, to);
    }

    @Override
    public void remove(TenantId tenant, UUID task) {
        table.remove(tenant, task);
    }
}
