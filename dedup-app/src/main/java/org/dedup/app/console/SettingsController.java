package org.dedup.app.console;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The settings page over GET/PUT /v1/settings and POST /v1/settings/dry-run: a change is the stored document with
 * the form's options applied, run dry first; what the API refuses is shown with the option it names.
 */
final class SettingsController {
    private final ApiClient api;

    SettingsController(ApiClient api) {
        this.api = api;
    }

    Reply page(ConsoleSessions.Session session) {
        ApiClient.Answer stored = api.get(session.apiKey(), "/v1/settings");
        return stored.ok() ? Reply.ok(SettingsPage.render(SettingsChange.of(stored.body()), Optional.empty(),
                Optional.empty(), session.csrfToken())) : ReviewController.failed(session, stored);
    }

    Reply dryRun(ConsoleSessions.Session session, Form form) {
        SettingsChange change = SettingsChange.of(form);
        ApiClient.Answer stored = api.get(session.apiKey(), "/v1/settings");
        if (!stored.ok()) {
            return ReviewController.failed(session, stored);
        }
        ApiClient.Answer report = api.post(session.apiKey(), "/v1/settings/dry-run",
                change.applyTo(stored.body()), "");
        return report.ok()
                ? Reply.ok(SettingsPage.render(change, Optional.of(report.body()), Optional.empty(), session.csrfToken()))
                : refused(session, change, report);
    }

    Reply save(ConsoleSessions.Session session, Form form) {
        SettingsChange change = SettingsChange.of(form);
        ApiClient.Answer stored = api.get(session.apiKey(), "/v1/settings");
        if (!stored.ok()) {
            return ReviewController.failed(session, stored);
        }
        ObjectNode document = change.applyTo(stored.body());
        ApiClient.Answer saved = api.put(session.apiKey(), "/v1/settings", document);
        return saved.ok() ? new Reply.Redirect("/console/settings") : refused(session, change, saved);
    }

    /** The form again, as it was posted, with what the API answered (its status too). */
    private static Reply refused(ConsoleSessions.Session session, SettingsChange change, ApiClient.Answer answer) {
        return new Reply.Page(answer.status(), SettingsPage.render(change, Optional.empty(),
                Optional.of(FieldError.of(answer)), session.csrfToken()));
    }
}
