package org.dedup.app.schedule;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.ScanAlreadyRunningException;
import org.dedup.domain.search.ScanJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task db-scheduler runs when a tenant's schedule is due: one bulk search as a stored scan job, or none while
 * the tenant's previous scan (scheduled or started over HTTP) still runs, so runs of one tenant never overlap. The
 * execution's instance id is the tenant; its data, the {@link ScanSchedule}, gives the next due time.
 */
final class ScheduledScanTask {
    static final String NAME = "scheduled-scan";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledScanTask.class);

    private ScheduledScanTask() {
    }

    static RecurringTaskWithPersistentSchedule<ScanSchedule> of(BulkScans scans) {
        return Tasks.recurringWithPersistentSchedule(NAME, ScanSchedule.class)
                .execute((instance, context) -> runOnce(scans, new TenantId(instance.getId())));
    }

    private static void runOnce(BulkScans scans, TenantId tenant) {
        ScanJob job;
        try {
            job = scans.start(tenant);
        } catch (ScanAlreadyRunningException running) {
            LOG.info("scheduled scan of tenant {} skipped: scan {} is still running", tenant, running.running());
            return;
        }
        try {
            scans.run(job);
            LOG.info("scheduled scan {} of tenant {} done", job.id(), tenant);
        } catch (RuntimeException e) {
            // stored as failed with its reason by BulkScans; the next run comes at the next due time all the same
            LOG.warn("scheduled scan {} of tenant {} failed; its previous groups are kept", job.id(), tenant);
            LOG.debug("scheduled scan {} failure", job.id(), e);
        }
    }
}
