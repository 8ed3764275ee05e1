package org.dedup.app.schedule;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import org.dedup.domain.model.DedupException;

/**
 * Task data stored as JSON ({@code {"cron": ..., "zone": ...}}) rather than db-scheduler's default Java
 * serialization, so a stored schedule is readable in the table and does not depend on a class's serial form.
 */
final class TaskDataJson implements Serializer {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public byte[] serialize(Object data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new DedupException("a scheduled task's data cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] stored) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new DedupException("a scheduled task's data cannot be read: " + e.getMessage(), e);
        }
    }
}
