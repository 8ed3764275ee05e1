package org.dedup.app.console;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The decision log, newest first, filtered by outcome, lead and time as the API filters it. */
final class DecisionLogPage {
    static final List<String> OUTCOMES = List.of("created", "merged", "updated", "pending_review",
            "skipped_too_many_matches");

    private DecisionLogPage() {
    }

    static Html render(JsonNode page, DecisionFilter filter, String csrfToken) {
        Html options = Html.join(OUTCOMES.stream().map(o -> Html.of("<option%s>%s</option>",
                new Html(o.equals(filter.outcome()) ? " selected" : ""), o)));
        Html rows = Html.join(StreamSupport.stream(page.path("decisions").spliterator(), false).map(entry -> {
            JsonNode decision = entry.path("decision");
            return Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    entry.path("at").asText(), decision.path("outcome").asText(), decision.path("lead").asText(),
                    decision.path("method").asText(""), decision.path("candidates").size());
        }));
        return Layout.page("Decision log", csrfToken, Html.of("""
                <form method="get" action="/console/decisions">
                <label for="outcome">Outcome</label>
                <select id="outcome" name="outcome"><option value="">any</option>%s</select>
                <label for="lead">Lead id</label><input id="lead" name="lead" value="%s" size="36">
                <label for="from">From (ISO-8601)</label><input id="from" name="from" value="%s">
                <label for="to">To</label><input id="to" name="to" value="%s">
                <button type="submit">Filter</button></form>
                <table id="decisions"><caption>Decisions, newest first</caption>
                <thead><tr><th scope="col">When</th><th scope="col">Outcome</th><th scope="col">Lead</th>
                <th scope="col">Method</th><th scope="col">Candidates</th></tr></thead><tbody>%s</tbody></table>""",
                options, filter.lead(), filter.from(), filter.to(), rows));
    }
}
