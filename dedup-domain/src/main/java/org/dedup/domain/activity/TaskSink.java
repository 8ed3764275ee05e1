package org.dedup.domain.activity;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;

/** Port: where tasks go, such as the task created in each lead found after a merge. */
public interface TaskSink {

    void add(Task task);

    List<Task> tasksOf(TenantId tenant, LeadId lead);

    void move(TenantId tenant, UUID task, LeadId to);

    void remove(TenantId tenant, UUID task);
}
