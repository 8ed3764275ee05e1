package org.dedup.app.cli;

import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.app.schedule.ScanSchedule;
import org.dedup.app.schedule.ScanSchedules;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.RecordNotFoundException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A tenant's schedule for the bulk search: set, shown or removed; a running {@code serve} runs it. */
@Command(name = "schedule",
        description = "A tenant's schedule for the bulk search (cron of six fields and an IANA time zone); every "
                + "`serve` on the database runs it, one run per due time.",
        subcommands = {ScheduleCommand.Set.class, ScheduleCommand.Show.class, ScheduleCommand.Remove.class})
final class ScheduleCommand extends CommandGroup {
    private static void print(ScanSchedules.TenantSchedule schedule) {
        System.out.println("cron \"" + schedule.schedule().cron() + "\" in " + schedule.schedule().zone()
                + ", next run " + schedule.nextRun() + (schedule.running() ? " (a run is going on)" : ""));
    }

    private static RecordNotFoundException none(TenantOption tenant) {
        return new RecordNotFoundException("tenant " + tenant.tenant + " has no scan schedule");
    }

    @Command(name = "set", description = "Set (or replace) the tenant's schedule.")
    static final class Set implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--cron", required = true, description = "six fields: second minute hour day-of-month month "
                + "day-of-week, e.g. \"0 0 2 * * *\" (every day at 02:00)")
        String cron;

        @Option(names = "--zone", defaultValue = "UTC", description = "IANA time zone the cron is read in "
                + "(default UTC), e.g. Europe/Berlin")
        String zone;

        @Mixin
        ActorOption actor;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Set options, ScanSchedules schedules, Audited audited) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                ScanSchedule schedule = new ScanSchedule(options.cron, options.zone);
                print(audited.write(options.actor.writer(options.tenant.id()), AuditAction.SCHEDULE_SET,
                        () -> schedules.set(options.tenant.id(), schedule), set -> ScanSchedules.SUBJECT));
                return 0;
            }
        }
    }

    @Command(name = "show", description = "Show the tenant's schedule.")
    static final class Show implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Show options, ScanSchedules schedules) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                print(schedules.find(options.tenant.id()).orElseThrow(() -> none(options.tenant)));
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Remove the tenant's schedule.")
    static final class Remove implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Mixin
        ActorOption actor;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Remove options, ScanSchedules schedules, Audited audited) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                audited.write(options.actor.writer(options.tenant.id()), AuditAction.SCHEDULE_REMOVE, () -> {
                    if (!schedules.remove(options.tenant.id())) {
                        throw none(options.tenant);
                    }
                    return true;
                }, removed -> ScanSchedules.SUBJECT);
                System.out.println("schedule of tenant " + options.tenant.tenant + " removed");
                return 0;
            }
        }
    }
}
