package org.dedup.app.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;

import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkScans;
import org.dedup.persistence.DedupSchema;

/**
 * The tenants' schedules for the bulk search, kept by db-scheduler in its table: one execution per tenant with a
 * schedule, whose due time is the next run. Setting, reading and removing a schedule needs no running scheduler
 * (the CLI does it); {@link ScanScheduler} runs the due ones.
 */
public final class ScanSchedules {
    private final RecurringTaskWithPersistentSchedule<ScanSchedule> task;
    /** db-scheduler's table, created by dedup's migrations in dedup's schema. */
    private final String table;
    private final SchedulerClient client;
    private final Clock clock;

    public ScanSchedules(DataSource dataSource, DedupSchema schema, BulkScans scans, Clock clock) {
        this.task = ScheduledScanTask.of(scans);
        this.table = schema.qualify("scheduled_tasks");
        this.client = SchedulerClient.Builder.create(dataSource, task).tableName(table).serializer(new TaskDataJson())
                .build();
        this.clock = clock;
    }

    /** A tenant's schedule as stored, with its next run and whether a run is going on now. */
    public record TenantSchedule(ScanSchedule schedule, Instant nextRun, boolean running) {
    }

    /**
     * Sets the tenant's schedule, replacing the one it had: the next run is the schedule's first due time from now.
     *
     * @throws ScheduledScanRunningException when a scheduled run of the tenant is going on (set it again after)
     */
    public TenantSchedule set(TenantId tenant, ScanSchedule schedule) {
        if (!client.scheduleIfNotExists(task.schedulableInstance(tenant.value(), schedule))) {
            refuseWhileRunning(tenant);
            client.reschedule(id(tenant), schedule.getSchedule().getInitialExecutionTime(clock.instant()), schedule);
        }
        return find(tenant).orElseThrow(() -> new RecordNotFoundException("the scan schedule of tenant " + tenant
                + " was removed while it was set"));
    }

    public Optional<TenantSchedule> find(TenantId tenant) {
        return client.getScheduledExecution(id(tenant)).map(ScanSchedules::view);
    }

    /**
     * Removes the tenant's schedule; false when it had none.
     *
     * @throws ScheduledScanRunningException when a scheduled run of the tenant is going on (remove it after)
     */
    public boolean remove(TenantId tenant) {
        if (find(tenant).isEmpty()) {
            return false;
        }
        refuseWhileRunning(tenant);
        client.cancel(id(tenant));
        return true;
    }

    RecurringTaskWithPersistentSchedule<ScanSchedule> task() {
        return task;
    }

    String table() {
        return table;
    }

    private void refuseWhileRunning(TenantId tenant) {
        if (find(tenant).map(TenantSchedule::running).orElse(false)) {
            throw new ScheduledScanRunningException(tenant);
        }
    }

    private static TenantSchedule view(ScheduledExecution<Object> execution) {
        return new TenantSchedule((ScanSchedule) execution.getData(), execution.getExecutionTime(),
                execution.isPicked());
    }

    private static TaskInstanceId id(TenantId tenant) {
        return TaskInstanceId.of(ScheduledScanTask.NAME, tenant.value());
    }
}
