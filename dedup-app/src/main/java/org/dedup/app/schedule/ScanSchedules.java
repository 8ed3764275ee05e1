package org.dedup.app.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.DedupSchema;

/**
 * The tenants' schedules for the bulk search, kept by db-scheduler in its table: one execution per tenant with a
 * schedule, whose due time is the next run. Setting, reading and removing a schedule needs no running scheduler
 * (the CLI does it); {@link ScanScheduler} runs the due ones. A change is one transaction, which the caller's
 * joins (db-scheduler's client runs on a data source bound to dedup's transactions), so the audit of who made it is
 * written with it; changes of one tenant's schedule take turns, so db-scheduler's insert never fails on a concurrent
 * one, which would abort the transaction on PostgreSQL.
 */
public final class ScanSchedules {
    /** What the audit names a change of a tenant's schedule by: a tenant has one. */
    public static final String SUBJECT = "scan-schedule";
    private static final MatchKey SCHEDULE_LOCK = new MatchKey("scan-schedule", "scan-schedule");
    private final RecurringTaskWithPersistentSchedule<ScanSchedule> task;
    /** db-scheduler's table, created by dedup's migrations in dedup's schema. */
    private final String table;
    private final SchedulerClient client;
    private final Transactor transactor;
    private final KeyLocks locks;
    private final Clock clock;

    /** {@code transactionBound}: a data source whose connections join {@code transactor}'s transactions. */
    public ScanSchedules(DataSource transactionBound, DedupSchema schema, BulkScans scans, Transactor transactor,
                         KeyLocks locks, Clock clock) {
        this.task = ScheduledScanTask.of(scans);
        this.table = schema.qualify("scheduled_tasks");
        this.client = SchedulerClient.Builder.create(transactionBound, task).tableName(table)
                .serializer(new TaskDataJson()).build();
        this.transactor = transactor;
        this.locks = locks;
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
        return changed(tenant, () -> {
            if (!client.scheduleIfNotExists(task.schedulableInstance(tenant.value(), schedule))) {
                refuseWhileRunning(tenant);
                client.reschedule(id(tenant), schedule.getSchedule().getInitialExecutionTime(clock.instant()),
                        schedule);
            }
            return find(tenant).orElseThrow(() -> new RecordNotFoundException("the scan schedule of tenant "
                    + tenant + " was removed while it was set"));
        });
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
        return changed(tenant, () -> {
            if (find(tenant).isEmpty()) {
                return false;
            }
            refuseWhileRunning(tenant);
            client.cancel(id(tenant));
            return true;
        });
    }

    /** A change of the tenant's schedule, in a transaction holding the lock of that schedule. */
    private <T> T changed(TenantId tenant, Supplier<T> change) {
        return transactor.inTransaction(() -> {
            locks.lock(tenant, List.of(SCHEDULE_LOCK));
            return change.get();
        });
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
