package org.dedup.app.console;

import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The merge journal, newest first, a page at a time: who merged what, when, each field's provenance, and an undo
 * button.
 */
final class MergeHistoryPage {
    /** Merges a page: each comes with its before-images, so a long page is slow to fetch and to read. */
    static final int PAGE = 25;
    static final String PATH = "/console/merges";
    private MergeHistoryPage() {
    }

    static Html render(JsonNode page, String csrfToken) {
        JsonNode merges = page.path("merges");
        Html body = merges.isEmpty() ? Html.of("<p>No merges yet.</p>") : Html.of("""
                <table id="merges"><caption>Merges, newest first</caption>
                <thead><tr><th scope="col">When</th><th scope="col">By</th><th scope="col">Method</th>
                <th scope="col">Survivor</th><th scope="col">Provenance</th><th scope="col">State</th></tr></thead>
                <tbody>%s</tbody></table>""",
                Html.join(StreamSupport.stream(merges.spliterator(), false).map(m -> row(m, csrfToken))));
        return Layout.page("Merge history", csrfToken, Html.of("%s%s", body, Layout.next(page, PATH,
                "Next " + PAGE + " merges")));
    }

    private static Html row(JsonNode merge, String csrfToken) {
        String id = merge.path("id").asText();
        Html provenance = Html.join(StreamSupport.stream(merge.path("provenance").spliterator(), false).map(f ->
                Html.of("<li>%s = %s <small>(from %s %s, %s)</small></li>", f.path("field").asText(),
                        f.path("value").asText(), f.path("source").path("kind").asText(),
                        f.path("source").path("id").asText(), f.path("rule").asText())));
        Html state = merge.path("undone").asBoolean() ? Html.of("undone by %s", merge.path("undoneBy").asText())
                : Html.of("""
                        %s <form method="post" action="/console/merges/%s/undo">%s
                        <button type="submit" aria-label="Undo merge %s">Undo</button></form>""",
                        merge.path("state").asText(), id, Layout.csrf(csrfToken), id);
        return Html.of("<tr data-merge=\"%s\"><td>%s</td><td>%s</td><td>%s</td><td>%s %s</td><td><ul>%s</ul></td>"
                        + "<td>%s</td></tr>", id, merge.path("at").asText(), merge.path("by").asText(),
                merge.path("method").asText(), merge.path("kind").asText(), merge.path("survivor").asText(),
                provenance, state);
    }
}
