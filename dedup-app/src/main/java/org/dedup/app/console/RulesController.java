package org.dedup.app.console;

import java.util.Optional;

/** The rules page over GET/PUT /v1/rules and POST /v1/rules/dry-run. */
final class RulesController {
    static final String PATH = "/console/rules";
    private final ApiClient api;

    RulesController(ApiClient api) {
        this.api = api;
    }

    Reply page(ConsoleSessions.Session session) {
        ApiClient.Answer rules = api.get(session.apiKey(), "/v1/rules");
        return rules.ok() ? Reply.ok(RulesPage.render(RuleRows.of(rules.body()), Optional.empty(), Optional.empty(),
                session.csrfToken())) : ReviewController.failed(session, rules);
    }

    Reply dryRun(ConsoleSessions.Session session, Form form) {
        RuleRows rules = RuleRows.of(form);
        ApiClient.Answer report = api.post(session.apiKey(), "/v1/rules/dry-run?samples=10", rules.body(), "");
        return Reply.ok(report.ok()
                ? RulesPage.render(rules, Optional.of(report.body()), Optional.empty(), session.csrfToken())
                : RulesPage.render(rules, Optional.empty(), Optional.of(report.error()), session.csrfToken()));
    }

    Reply save(ConsoleSessions.Session session, Form form) {
        RuleRows rules = RuleRows.of(form);
        ApiClient.Answer saved = api.put(session.apiKey(), "/v1/rules", rules.body());
        return saved.ok() ? new Reply.Redirect(PATH) : Reply.ok(RulesPage.render(rules, Optional.empty(),
                Optional.of(saved.error()), session.csrfToken()));
    }
}
