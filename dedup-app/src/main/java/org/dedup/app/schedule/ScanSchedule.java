package org.dedup.app.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import org.dedup.domain.model.InvalidRecordException;

/**
 * A tenant's schedule for the bulk search: a cron expression of six fields (second, minute, hour, day of month,
 * month, day of week; Spring's syntax, as db-scheduler reads it) in an IANA time zone. It is the data of the
 * tenant's db-scheduler execution, which holds the schedule its next run is computed from.
 */
public record ScanSchedule(String cron, String zone) implements ScheduleAndData {
    private static final int MAX_LENGTH = 200;

    public ScanSchedule {
        if (cron == null || cron.isBlank()) {
            throw new InvalidRecordException("cron is required: six fields, e.g. \"0 0 2 * * *\" (every day at 02:00)");
        }
        if (zone == null || zone.isBlank()) {
            throw new InvalidRecordException("zone is required: an IANA time zone, e.g. \"Europe/Berlin\"");
        }
        cron = cron.strip();
        zone = zone.strip();
        if (cron.length() > MAX_LENGTH || zone.length() > MAX_LENGTH) {
            throw new InvalidRecordException("cron and zone are at most " + MAX_LENGTH + " characters each");
        }
        cronSchedule(cron, zoneId(zone));
    }

    /** The schedule the next run is computed from (read anew from the stored cron and zone). */
    @Override
    @JsonIgnore
    public Schedule getSchedule() {
        return cronSchedule(cron, zoneId(zone));
    }

    /** Nothing beside the schedule: the execution's instance id is the tenant. */
    @Override
    @JsonIgnore
    public Object getData() {
        return null;
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidRecordException("zone '" + zone + "' is not an IANA time zone (e.g. \"Europe/Berlin\", "
                    + "\"UTC\")");
        }
    }

    private static CronSchedule cronSchedule(String cron, ZoneId zone) {
        if (cron.equals("-")) {
            // db-scheduler reads "-" as a schedule that never fires: a tenant without runs has no schedule
            throw new InvalidRecordException("cron '-' never fires; remove the schedule instead");
        }
        try {
            return new CronSchedule(cron, zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("cron '" + cron + "' is not a valid cron expression of six fields "
                    + "(second minute hour day-of-month month day-of-week, e.g. \"0 0 2 * * *\"): " + e.getMessage());
        }
    }
}
