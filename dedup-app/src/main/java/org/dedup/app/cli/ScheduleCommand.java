package org.dedup.app.cli;

import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.app.schedule.ScanSchedule;
import org.dedup.app.schedule.ScanSchedules;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A tenant's schedule for the bulk search: set, shown or removed; a running {@code serve} runs it. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "A tenant's schedule for the bulk search (cron of six fields and an IANA time zone); every "
                + "`serve` on the database runs it, one run per due time.",
        subcommands = {ScheduleCommand.Set.class, ScheduleCommand.Show.class, ScheduleCommand.Remove.class})
final class ScheduleCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    private static void print(ScanSchedules.TenantSchedule schedule) {
        System.out.println("cron \"" + schedule.schedule().cron() + "\" in " + schedule.schedule().zone()
                + ", next run " + schedule.nextRun() + (schedule.running() ? " (a run is going on)" : ""));
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set (or replace) the tenant's schedule.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand schedule;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--cron", required = true, description = "six fields: second minute hour day-of-month month "
                + "day-of-week, e.g. \"0 0 2 * * *\" (every day at 02:00)")
        String cron;

        @Option(names = "--zone", defaultValue = "UTC", description = "IANA time zone the cron is read in "
                + "(default UTC), e.g. Europe/Berlin")
        String zone;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(schedule.parent.config())) {
                print(app.schedules().set(new TenantId(tenant), new ScanSchedule(cron, zone)));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the tenant's schedule.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand schedule;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(schedule.parent.config())) {
                print(app.schedules().find(new TenantId(tenant)).orElseThrow(
                        () -> new RecordNotFoundException("tenant " + tenant + " has no scan schedule")));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the tenant's schedule.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand schedule;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(schedule.parent.config())) {
                if (!app.schedules().remove(new TenantId(tenant))) {
                    throw new RecordNotFoundException("tenant " + tenant + " has no scan schedule");
                }
                System.out.println("schedule of tenant " + tenant + " removed");
            }
            return 0;
        }
    }
}
