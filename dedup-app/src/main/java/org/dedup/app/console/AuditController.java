package org.dedup.app.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The merge history with undo and the decision log, each a translation of the audit API's answers. */
final class AuditController {
    private final ApiClient api;

    AuditController(ApiClient api) {
        this.api = api;
    }

    /** A page of the merges; {@code rawQuery} may hold {@code after}, the API's cursor of the next page. */
    Reply merges(ConsoleSessions.Session session, String rawQuery) {
        ApiClient.Answer page = api.get(session.apiKey(), ApiClient.page("/v1/merges", MergeHistoryPage.PAGE,
                rawQuery));
        return page.ok() ? Reply.ok(MergeHistoryPage.render(page.body(), session.csrfToken()))
                : ReviewController.failed(session, page);
    }

    Reply undo(ConsoleSessions.Session session, String mergeId) {
        ApiClient.Answer undone = api.post(session.apiKey(), "/v1/merges/" + URLEncoder.encode(mergeId,
                StandardCharsets.UTF_8) + "/undo", Map.of(), "");
        return undone.ok() ? new Reply.Redirect(MergeHistoryPage.PATH) : ReviewController.failed(session, undone);
    }

    Reply decisions(ConsoleSessions.Session session, String rawQuery) {
        DecisionFilter filter = DecisionFilter.of(rawQuery);
        ApiClient.Answer page = api.get(session.apiKey(), filter.apiPath());
        return page.ok() ? Reply.ok(DecisionLogPage.render(page.body(), filter, session.csrfToken()))
                : ReviewController.failed(session, page);
    }
}
