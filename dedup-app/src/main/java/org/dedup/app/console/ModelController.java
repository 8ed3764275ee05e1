package org.dedup.app.console;

/** The model page over GET /v1/matchers. */
final class ModelController {
    private final ApiClient api;

    ModelController(ApiClient api) {
        this.api = api;
    }

    Reply page(ConsoleSessions.Session session) {
        ApiClient.Answer matchers = api.get(session.apiKey(), "/v1/matchers");
        return matchers.ok() ? Reply.ok(ModelPage.render(matchers.body(), session.csrfToken()))
                : ReviewController.failed(session, matchers);
    }
}
