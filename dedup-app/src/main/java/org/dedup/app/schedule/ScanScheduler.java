package org.dedup.app.schedule;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.dedup.app.config.SchedulesConfig;

/**
 * Runs the tenants' scheduled bulk searches when due, with db-scheduler over the application's database. Every
 * server sharing the database may run one: each due run is picked by exactly one of them (db-scheduler claims the
 * execution row with an optimistic version check), and a run left by a server that died is taken over once its
 * heartbeat is missed.
 */
public final class ScanScheduler implements AutoCloseable {
    /** How long stopping waits for running scans before it leaves them to the next server. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private final Scheduler scheduler;

    public ScanScheduler(DataSource dataSource, ScanSchedules schedules, SchedulesConfig config) {
        this.scheduler = Scheduler.create(dataSource, schedules.task())
                .tableName(schedules.table())
                .serializer(new TaskDataJson())
                .threads(config.threads())
                .pollingInterval(Duration.ofMillis(config.pollingIntervalMillis()))
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .build();
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
