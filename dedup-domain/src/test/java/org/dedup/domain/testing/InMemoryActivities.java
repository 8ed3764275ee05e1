package org.dedup.domain.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.Task;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;

/** Tasks and notes in memory. */
public final class InMemoryActivities implements TaskSink, NoteSink {
    private final Map<UUID, Task> tasks = new LinkedHashMap<>();
    private final Map<UUID, Note> notes = new LinkedHashMap<>();

    @Override
    public synchronized void add(Task task) {
        tasks.put(task.id(), task);
    }

    @Override
    public synchronized List<Task> tasksOf(TenantId tenant, LeadId lead) {
        return tasks.values().stream().filter(t -> t.tenant().equals(tenant) && t.lead().equals(lead)).toList();
    }

    @Override
    public synchronized void add(Note note) {
        notes.put(note.id(), note);
    }

    @Override
    public synchronized List<Note> notesOf(TenantId tenant, LeadId lead) {
        return notes.values().stream().filter(n -> n.tenant().equals(tenant) && n.lead().equals(lead)).toList();
    }

    public TaskSink taskSink() {
        return this;
    }

    public NoteSink noteSink() {
        return this;
    }

    @Override
    public synchronized void move(TenantId tenant, UUID activity, LeadId to) {
        Task task = tasks.get(activity);
        if (task != null && task.tenant().equals(tenant)) {
            tasks.put(activity, task.movedTo(to));
        }
        Note note = notes.get(activity);
        if (note != null && note.tenant().equals(tenant)) {
            notes.put(activity, note.movedTo(to));
        }
    }

    @Override
    public synchronized void remove(TenantId tenant, UUID activity) {
        tasks.computeIfPresent(activity, (id, t) -> t.tenant().equals(tenant) ? null : t);
        notes.computeIfPresent(activity, (id, n) -> n.tenant().equals(tenant) ? null : n);
    }
}
