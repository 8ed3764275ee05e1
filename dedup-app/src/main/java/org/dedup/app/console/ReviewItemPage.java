package org.dedup.app.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One review item: its records side by side field by field (a row whose values differ is highlighted and marked),
 * the explanation of each candidate pair, and the forms to merge (survivor and each field's record, previewed
 * first), mark not a duplicate, or dismiss.
 */
final class ReviewItemPage {
    static final List<String> RULES = List.of("newest", "oldest", "most_complete", "source_priority");

    private ReviewItemPage() {
    }

    /** {@code fields}: the merged record's field names, as the API's preview lists them. */
    static Html render(JsonNode item, List<String> fields, String csrfToken, Optional<String> error) {
        String id = item.path("id").asText();
        List<JsonNode> records = StreamSupport.stream(item.path("records").spliterator(), false).toList();
        Html message = error.map(e -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", e)).orElse(Html.EMPTY);
        Html actions = item.path("status").asText().equals("open") ? Html.of("%s\n%s", mergeForm(id, item, records,
                fields, csrfToken), otherActions(id, item, csrfToken)) : Html.of("<p>Resolved by %s: %s</p>",
                item.path("resolvedBy").asText(), item.path("detail").asText());
        return Layout.page("Review item " + id.substring(0, 8), csrfToken, Html.of("""
                %s<p>Source: %s · status: <strong>%s</strong> · revision %s</p>
                <h2>Records side by side</h2>%s
                <h2>Why they may be duplicates</h2>%s
                %s""", message, item.path("source").asText(), item.path("status").asText(),
                item.path("revision").asText(), sideBySide(records), pairs(item), actions));
    }

    static String label(List<JsonNode> records, String recordId) {
        int index = IntStream.range(0, records.size()).filter(i -> records.get(i).path("id").asText()
                .equals(recordId)).findFirst().orElse(-1);
        return index < 0 ? recordId : "Record " + (index + 1);
    }

    private static Html sideBySide(List<JsonNode> records) {
        List<Map<String, String>> flat = records.stream().map(r -> RecordFields.of(r.path("record"))).toList();
        Set<String> paths = new LinkedHashSet<>();
        flat.forEach(f -> paths.addAll(f.keySet()));
        Html head = Html.join(IntStream.range(0, records.size()).mapToObj(i -> Html.of(
                "<th scope=\"col\">Record %s<br><small>%s %s</small></th>", i + 1,
                records.get(i).path("kind").asText(), records.get(i).path("id").asText())));
        Html rows = Html.join(paths.stream().map(path -> {
            List<String> values = flat.stream().map(f -> f.getOrDefault(path, "")).toList();
            boolean differs = values.stream().distinct().count() > 1;
            return Html.of("<tr%s><th scope=\"row\">%s</th><td class=\"marker\">%s</td>%s</tr>",
                    new Html(differs ? " class=\"differs\"" : ""), path, differs ? "≠ differs" : "",
                    Html.join(values.stream().map(v -> Html.of("<td>%s</td>", v))));
        }));
        return Html.of("""
                <table id="side-by-side"><caption>Rows marked "differs" hold different values</caption>
                <thead><tr><th scope="col">Field</th><th scope="col">Differs</th>%s</tr></thead>
                <tbody>%s</tbody></table>""", head, rows);
    }

    private static Html pairs(JsonNode item) {
        return Html.join(StreamSupport.stream(item.path("pairs").spliterator(), false).map(pair -> {
            JsonNode match = pair.path("match");
            Html explanation = Html.join(StreamSupport.stream(match.path("explanation").spliterator(), false)
                    .map(f -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                            f.path("field").asText(), f.path("incoming").asText(), f.path("candidate").asText(),
                            f.path("comparison").asText(), f.path("similarity").asText())));
            return Html.of("""
                    <h3>%s %s and %s %s: %s, score %s (%s)</h3>
                    <table><thead><tr><th scope="col">Field</th><th scope="col">First</th><th scope="col">Second</th>
                    <th scope="col">Comparison</th><th scope="col">Similarity</th></tr></thead><tbody>%s</tbody></table>""",
                    pair.path("first").path("kind").asText(), pair.path("first").path("id").asText(),
                    pair.path("second").path("kind").asText(), pair.path("second").path("id").asText(),
                    match.path("method").asText(), match.path("score").asText(), match.path("verdict").asText(),
                    explanation);
        }));
    }

    private static Html mergeForm(String id, JsonNode item, List<JsonNode> records, List<String> fields,
                                  String csrfToken) {
        Html survivors = Html.join(IntStream.range(0, records.size()).mapToObj(i -> Html.of(
                "<label><input type=\"radio\" name=\"survivor\" value=\"%s\"%s> Record %s</label>",
                records.get(i).path("id").asText(), new Html(i == 0 ? " checked" : ""), i + 1)));
        List<Html> choices = new ArrayList<>();
        for (String field : fields) {
            Html options = Html.join(records.stream().map(r -> Html.of("<option value=\"%s\">%s</option>",
                    r.path("id").asText(), label(records, r.path("id").asText()))));
            choices.add(Html.of("""
                    <div><label for="choice-%s">%s</label>
                    <select id="choice-%s" name="choice.%s"><option value="">by the rule</option>%s</select></div>""",
                    field, field, field, field, options));
        }
        boolean leads = records.stream().allMatch(r -> r.path("kind").asText().equals("lead"));
        Html rule = leads ? Html.of("""
                <div><label for="rule">Rule for the other fields</label><select id="rule" name="rule">%s</select></div>""",
                Html.join(RULES.stream().map(r -> Html.of("<option>%s</option>", r)))) : Html.EMPTY;
        return Html.of("""
                <h2>Merge</h2>
                <form method="post" action="/console/review/%s/preview">%s
                <input type="hidden" name="revision" value="%s">
                <fieldset><legend>Survivor</legend>%s</fieldset>
                <fieldset><legend>Each field's value from</legend>%s%s</fieldset>
                <button type="submit">Preview merge</button></form>""", id, Layout.csrf(csrfToken),
                item.path("revision").asText(), survivors, Html.join(choices.stream()), rule);
    }

    private static Html otherActions(String id, JsonNode item, String csrfToken) {
        return Html.of("""
                <h2>Other actions</h2>
                <form method="post" action="/console/review/%s/not-duplicate">%s
                <input type="hidden" name="revision" value="%s"><button type="submit">Not a duplicate</button></form>
                <form method="post" action="/console/review/%s/dismiss">%s
                <input type="hidden" name="revision" value="%s"><button type="submit">Dismiss</button></form>""",
                id, Layout.csrf(csrfToken), item.path("revision").asText(),
                id, Layout.csrf(csrfToken), item.path("revision").asText());
    }
}
