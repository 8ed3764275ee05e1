package org.dedup.app.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The duplicate groups page over {@code /v1/groups}, {@code /v1/scans} and {@code /v1/scan-schedule}: the latest
 * bulk search's groups, "run now" with the scan's progress, the tenant's schedule and its last runs.
 */
final class GroupsController {
    static final String PATH = "/console/groups";
    private final ApiClient api;

    GroupsController(ApiClient api) {
        this.api = api;
    }

    Reply page(ConsoleSessions.Session session) {
        return page(session, Optional.empty());
    }

    private Reply page(ConsoleSessions.Session session, Optional<String> error) {
        ApiClient.Answer groups = api.get(session.apiKey(), "/v1/groups?limit=50");
        ApiClient.Answer runs = api.get(session.apiKey(), "/v1/scans?limit=10");
        ApiClient.Answer schedule = api.get(session.apiKey(), "/v1/scan-schedule");
        if (!groups.ok()) {
            return ReviewController.failed(session, groups);
        }
        if (!runs.ok()) {
            return ReviewController.failed(session, runs);
        }
        return Reply.ok(GroupsPage.render(groups.body(), runs.body(),
                schedule.ok() ? Optional.of(schedule.body()) : Optional.empty(), error, session.csrfToken()));
    }

    /** Starts a scan; its page follows it. A scan already running is shown instead, with why. */
    Reply runNow(ConsoleSessions.Session session, Form form) {
        String method = form.value("method").isBlank() ? "rules" : form.value("method");
        ApiClient.Answer started = api.post(session.apiKey(), "/v1/scans", Map.of("method", method), "");
        if (started.ok()) {
            return new Reply.Redirect(PATH + "/scans/" + started.body().path("id").asText());
        }
        return page(session, Optional.of(started.error()));
    }

    Reply scan(ConsoleSessions.Session session, String id) {
        ApiClient.Answer scan = api.get(session.apiKey(), "/v1/scans/" + URLEncoder.encode(id,
                StandardCharsets.UTF_8));
        return scan.ok() ? Reply.ok(ScanPage.render(scan.body(), session.csrfToken()))
                : ReviewController.failed(session, scan);
    }

    Reply saveSchedule(ConsoleSessions.Session session, Form form) {
        ApiClient.Answer saved = api.put(session.apiKey(), "/v1/scan-schedule", Map.of(
                "cron", form.value("cron").strip(), "zone", form.value("zone").strip()));
        return saved.ok() ? new Reply.Redirect(PATH + "#schedule") : page(session, Optional.of(saved.error()));
    }

    Reply removeSchedule(ConsoleSessions.Session session) {
        ApiClient.Answer removed = api.delete(session.apiKey(), "/v1/scan-schedule");
        return removed.ok() ? new Reply.Redirect(PATH + "#schedule") : page(session, Optional.of(removed.error()));
    }
}
