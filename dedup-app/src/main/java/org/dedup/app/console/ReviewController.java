package org.dedup.app.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The review pages, each a translation of the review API's answers ({@code /v1/review}, the merge preview). */
final class ReviewController {
    private final ApiClient api;

    ReviewController(ApiClient api) {
        this.api = api;
    }

    /** A page of the open items; {@code rawQuery} may hold {@code after}, the API's cursor of the next page. */
    Reply list(ConsoleSessions.Session session, String rawQuery) {
        ApiClient.Answer page = api.get(session.apiKey(), ApiClient.page("/v1/review", ReviewListPage.PAGE,
                rawQuery));
        return page.ok() ? Reply.ok(ReviewListPage.render(page.body(), session.csrfToken())) : failed(session, page);
    }

    Reply item(ConsoleSessions.Session session, String id, Optional<String> error) {
        ApiClient.Answer item = api.get(session.apiKey(), itemPath(id));
        if (!item.ok()) {
            return failed(session, item);
        }
        List<JsonNode> records = records(item.body());
        ApiClient.Answer preview = api.post(session.apiKey(), "/v1/merges/preview", new MergeChoice(
                records.getFirst().path("id").asText(), Map.of(), "", "").previewBody(kind(records),
                ids(records)), "");
        List<String> fields = preview.ok() ? StreamSupport.stream(preview.body().path("fields").spliterator(), false)
                .map(f -> f.path("field").asText()).toList() : List.of();
        return Reply.ok(ReviewItemPage.render(item.body(), fields, session.csrfToken(), error));
    }

    Reply preview(ConsoleSessions.Session session, String id, Form form) {
        ApiClient.Answer item = api.get(session.apiKey(), itemPath(id));
        if (!item.ok()) {
            return failed(session, item);
        }
        List<JsonNode> records = records(item.body());
        MergeChoice choice = MergeChoice.of(form);
        ApiClient.Answer preview = api.post(session.apiKey(), "/v1/merges/preview",
                choice.previewBody(kind(records), ids(records)), "");
        return preview.ok() ? Reply.ok(MergePreviewPage.render(id, records, preview.body(), choice,
                session.csrfToken())) : item(session, id, Optional.of(preview.error()));
    }

    Reply merge(ConsoleSessions.Session session, String id, Form form) {
        MergeChoice choice = MergeChoice.of(form);
        return act(session, id, "merge", choice.mergeBody(), choice.revision());
    }

    /** {@code not-duplicate} or {@code dismiss}: the item's action, then back to the queue. */
    Reply act(ConsoleSessions.Session session, String id, String action, Form form) {
        return act(session, id, action, Map.of(), form.value("revision"));
    }

    private Reply act(ConsoleSessions.Session session, String id, String action, Object body, String revision) {
        ApiClient.Answer done = api.post(session.apiKey(), itemPath(id) + "/" + action, body, revision);
        return done.ok() ? new Reply.Redirect("/console/review?done=" + URLEncoder.encode(action,
                StandardCharsets.UTF_8)) : item(session, id, Optional.of(done.error()));
    }

    private static String itemPath(String id) {
        return "/v1/review/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> records(JsonNode item) {
        return StreamSupport.stream(item.path("records").spliterator(), false).toList();
    }

    private static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.path("id").asText()).toList();
    }

    private static String kind(List<JsonNode> records) {
        return records.getFirst().path("kind").asText();
    }

    static Reply failed(ConsoleSessions.Session session, ApiClient.Answer answer) {
        return new Reply.Page(answer.status() >= 500 ? 502 : answer.status(), Layout.page("Not possible",
                session.csrfToken(), Html.of("<p class=\"error\" role=\"alert\">%s</p>", answer.error())));
    }
}
