package org.dedup.app.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Inject;

import org.dedup.app.schedule.ScanSchedule;
import org.dedup.app.schedule.ScanSchedules;
import org.dedup.app.schedule.ScheduledScanRunningException;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;

/**
 * {@code /v1/scan-schedule}: the tenant's schedule for the bulk search. PUT sets it ({@code {"cron", "zone"}}),
 * GET reads it with its next run, DELETE removes it; 404 when the tenant has none, 409 while a scheduled run is
 * going on.
 */
final class ScheduleResource implements Resource {
    static final String PATH = "/v1/scan-schedule";
    private final ScanSchedules schedules;
    private final Audited audited;

    @Inject
    ScheduleResource(ScanSchedules schedules, Audited audited) {
        this.schedules = schedules;
        this.audited = audited;
    }

    /** The body of PUT: the schedule as a tenant writes it. */
    record ScheduleRequest(String cron, String zone) {
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, call -> view(schedules.find(call.tenant())
                        .orElseThrow(() -> none(call.tenant())))),
                Route.put(PATH, refusedWhileRunning(this::set)),
                Route.delete(PATH, refusedWhileRunning(this::remove)));
    }

    private Map<String, Object> set(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        ScheduleRequest request = call.body(ScheduleRequest.class);
        ScanSchedule schedule = new ScanSchedule(request.cron(), request.zone());
        return view(audited.write(writer, AuditAction.SCHEDULE_SET, () -> schedules.set(writer.tenant(), schedule),
                set -> ScanSchedules.SUBJECT));
    }

    private Map<String, Object> remove(Call call) {
        Audited.Writer writer = call.writer();
        return audited.write(writer, AuditAction.SCHEDULE_REMOVE, () -> {
            if (!schedules.remove(writer.tenant())) {
                throw none(writer.tenant());
            }
            return Map.<String, Object>of("removed", true);
        }, removed -> ScanSchedules.SUBJECT);
    }

    /** A change refused while a scheduled run is going on is a 409. */
    private static Route.Endpoint refusedWhileRunning(Route.Endpoint change) {
        return call -> {
            try {
                return change.answer(call);
            } catch (ScheduledScanRunningException e) {
                throw new HttpProblem(409, e.getMessage());
            }
        };
    }

    private static RecordNotFoundException none(TenantId tenant) {
        return new RecordNotFoundException("tenant " + tenant + " has no scan schedule");
    }

    private static Map<String, Object> view(ScanSchedules.TenantSchedule schedule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cron", schedule.schedule().cron());
        view.put("zone", schedule.schedule().zone());
        view.put("nextRun", schedule.nextRun().toString());
        view.put("running", schedule.running());
        return view;
    }
}
