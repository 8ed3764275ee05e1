package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.activity.Task;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.junit.jupiter.api.Test;

/** What every {@link TaskSink} adapter does. */
public abstract class TaskSinkContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract TaskSink tasks();

    private static Task aTask(LeadId lead, String text, int minute) {
        return new Task(UUID.randomUUID(), TENANT, lead, text, T0.plus(Duration.ofDays(1)), "owner",
                T0.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void aLeadListsItsOwnTasksOnly() {
        LeadId lead = LeadId.random();
        Task second = aTask(lead, "Follow up", 2);
        Task first = aTask(lead, "Call", 1);
        tasks().add(second);
        tasks().add(first);
        tasks().add(aTask(LeadId.random(), "Elsewhere", 0));
        assertEquals(Set.of(first, second), Set.copyOf(tasks().tasksOf(TENANT, lead)));
    }

    @Test
    void aMovedTaskBelongsToItsNewLead() {
        LeadId from = LeadId.random();
        LeadId to = LeadId.random();
        Task task = aTask(from, "Call", 0);
        tasks().add(task);
        tasks().move(TENANT, task.id(), to);
        assertEquals(List.of(task.movedTo(to)), tasks().tasksOf(TENANT, to));
        assertTrue(tasks().tasksOf(TENANT, from).isEmpty());
    }

    @Test
    void anotherTenantCanNeitherSeeNorMoveNorRemoveATask() {
        LeadId lead = LeadId.random();
        Task task = aTask(lead, "Call", 0);
        tasks().add(task);
        assertTrue(tasks().tasksOf(OTHER, lead).isEmpty());
        tasks().move(OTHER, task.id(), LeadId.random());
        tasks().remove(OTHER, task.id());
        assertEquals(List.of(task), tasks().tasksOf(TENANT, lead));
    }

    @Test
    void aRemovedTaskIsGone() {
        LeadId lead = LeadId.random();
        Task task = aTask(lead, "Call", 0);
        tasks().add(task);
        tasks().remove(TENANT, task.id());
        assertTrue(tasks().tasksOf(TENANT, lead).isEmpty());
    }
}
