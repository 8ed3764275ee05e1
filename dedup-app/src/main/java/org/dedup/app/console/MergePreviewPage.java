package org.dedup.app.console;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** What a merge would leave, each field with its value, source record and rule, and the form that confirms it. */
final class MergePreviewPage {
    private MergePreviewPage() {
    }

    static Html render(String itemId, List<JsonNode> records, JsonNode preview, MergeChoice choice,
                       String csrfToken) {
        Html rows = Html.join(StreamSupport.stream(preview.path("fields").spliterator(), false).map(f -> Html.of(
                "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>", f.path("field").asText(),
                f.path("value").asText(), ReviewItemPage.label(records, f.path("source").path("id").asText()),
                f.path("rule").asText())));
        return Layout.page("Merge preview", csrfToken, Html.of("""
                <p>Nothing is written until you confirm. Survivor: %s.</p>
                <table id="merge-preview"><caption>The merged record</caption>
                <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">From</th>
                <th scope="col">Rule</th></tr></thead><tbody>%s</tbody></table>
                <form method="post" action="/console/review/%s/merge">%s%s
                <button type="submit">Confirm merge</button></form>
                <p><a href="/console/review/%s">Back to the item</a></p>""",
                ReviewItemPage.label(records, choice.survivor()), rows, itemId, Layout.csrf(csrfToken),
                choice.hiddenInputs(), itemId));
    }
}
