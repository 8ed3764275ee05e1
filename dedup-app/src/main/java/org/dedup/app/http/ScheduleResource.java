package org.dedup.app.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dedup.app.schedule.ScanSchedule;
import org.dedup.app.schedule.ScanSchedules;
import org.dedup.app.schedule.ScheduledScanRunningException;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;

/**
 * {@code /v1/scan-schedule}: the tenant's schedule for the bulk search. PUT sets it ({@code {"cron", "zone"}}),
 * GET reads it with its next run, DELETE removes it; 404 when the tenant has none, 409 while a scheduled run is
 * going on.
 */
final class ScheduleResource {
    static final String PATH = "/v1/scan-schedule";
    private final ScanSchedules schedules;

    ScheduleResource(ScanSchedules schedules) {
        this.schedules = schedules;
    }

    /** The body of PUT: the schedule as a tenant writes it. */
    record ScheduleRequest(String cron, String zone) {
    }

    Object route(String method, TenantId tenant, PartyResource.Body body) throws IOException {
        try {
            return switch (method) {
                case "GET" -> view(schedules.find(tenant).orElseThrow(() -> none(tenant)));
                case "PUT" -> {
                    ScheduleRequest request = body.as(ScheduleRequest.class);
                    if (request == null) {
                        throw new HttpProblem(400, "the body must be a JSON object {\"cron\": ..., \"zone\": ...}");
                    }
                    yield view(schedules.set(tenant, new ScanSchedule(request.cron(), request.zone())));
                }
                case "DELETE" -> {
                    if (!schedules.remove(tenant)) {
                        throw none(tenant);
                    }
                    yield Map.of("removed", true);
                }
                default -> throw new HttpProblem(405, method + " is not allowed on " + PATH);
            };
        } catch (ScheduledScanRunningException e) {
            throw new HttpProblem(409, e.getMessage());
        }
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
