package org.dedup.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Creatio duplicate rules as a form, a table row per rule and an empty one for a new rule; "Dry run" shows the
 * groups a bulk search with them would find, and only then "Save these rules" stores them.
 */
final class RulesPage {
    private RulesPage() {
    }

    static Html render(RuleRows shown, Optional<JsonNode> dryRun, Optional<String> error, String csrfToken) {
        Html message = error.map(e -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", e)).orElse(Html.EMPTY);
        List<RuleRows.Row> rows = new ArrayList<>(shown.rows());
        rows.add(new RuleRows.Row("", List.of(), List.of(), true, true, true));
        Html body = Html.join(IntStream.range(0, rows.size()).mapToObj(i -> row(i, rows.get(i),
                i == rows.size() - 1)));
        Html report = dryRun.map(r -> dryRun(r, shown, csrfToken)).orElse(Html.EMPTY);
        return Layout.page("Duplicate rules", csrfToken, Html.of("""
                %s<p>A rule groups records whose standardized fields are all equal (fields such as full_name, email,
                phone_last10, company_name, website). Edit, add (the last row) or remove rules, then run them dry
                before saving.</p>
                <form method="post" action="/console/rules/dry-run">%s
                <table id="rules"><caption>Rules, in the order they are tried</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Objects</th><th scope="col">Fields (comma-separated)</th>
                <th scope="col">Active</th><th scope="col">Check on save</th><th scope="col">Bulk search</th>
                <th scope="col">Remove</th></tr></thead><tbody>%s</tbody></table>
                <button type="submit">Dry run</button></form>
                %s""", message, Layout.csrf(csrfToken), body, report));
    }

    private static Html row(int i, RuleRows.Row rule, boolean isNew) {
        String which = isNew ? "the new rule" : "rule " + (i + 1);
        Html objects = Html.join(RuleRows.OBJECTS.stream().map(o -> Html.of(
                "<label><input type=\"checkbox\" name=\"rule.%s.objects\" value=\"%s\"%s> %s</label>", i, o,
                checked(rule.objects().contains(o)), o)));
        return Html.of("""
                <tr class="rule%s"><td><input name="rule.%s.name" value="%s" size="30" aria-label="Name of %s"%s></td>
                <td><div role="group" aria-label="Objects of %s">%s</div></td>
                <td><input name="rule.%s.fields" value="%s" size="28" aria-label="Fields of %s"></td>
                <td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>""", new Html(isNew ? " new" : ""), i, rule.name(),
                which, new Html(isNew ? " placeholder=\"New rule\"" : ""), which, objects, i,
                String.join(", ", rule.fields()), which, box(i, "active", rule.active(), "Active: " + which),
                box(i, "useOnSave", rule.useOnSave(), "Check on save: " + which),
                box(i, "useInBulk", rule.useInBulk(), "Bulk search: " + which),
                isNew ? Html.EMPTY : box(i, "remove", false, "Remove " + which));
    }

    private static Html box(int i, String name, boolean on, String label) {
        return Html.of("<input type=\"checkbox\" name=\"rule.%s.%s\"%s aria-label=\"%s\">", i, name, checked(on),
                label);
    }

    private static Html checked(boolean on) {
        return new Html(on ? " checked" : "");
    }

    private static Html dryRun(JsonNode report, RuleRows shown, String csrfToken) {
        Html samples = Html.join(StreamSupport.stream(report.path("samples").spliterator(), false).map(group ->
                Html.of("<li>%s records by %s</li>", group.path("members").size(),
                        String.join(", ", StreamSupport.stream(group.path("rules").spliterator(), false)
                                .map(JsonNode::asText).toList()))));
        return Html.of("""
                <section id="dry-run" aria-labelledby="dry-run-title"><h2 id="dry-run-title">Dry run: nothing saved yet</h2>
                <dl><dt>Records</dt><dd>%s</dd><dt>Pairs compared</dt><dd>%s of %s</dd><dt>Groups</dt><dd>%s</dd>
                <dt>Records in groups</dt><dd>%s</dd><dt>Oversized blocks skipped</dt><dd>%s</dd></dl>
                <h3>Sample groups</h3><ul>%s</ul>
                <form method="post" action="/console/rules/save">%s%s
                <button type="submit">Save these rules</button></form></section>""",
                report.path("records").asText(), report.path("pairsCompared").asText(),
                report.path("allPairs").asText(), report.path("groups").asText(),
                report.path("recordsInGroups").asText(), report.path("oversizedBlocks").size(), samples,
                Layout.csrf(csrfToken), hiddenInputs(shown));
    }

    private static Html hiddenInputs(RuleRows shown) {
        return Html.join(IntStream.range(0, shown.rows().size()).mapToObj(i -> {
            RuleRows.Row rule = shown.rows().get(i);
            return Html.of("""
                    <input type="hidden" name="rule.%s.name" value="%s"><input type="hidden" name="rule.%s.fields" value="%s">
                    %s%s%s%s""", i, rule.name(), i, String.join(",", rule.fields()),
                    Html.join(rule.objects().stream().map(o -> Html.of(
                            "<input type=\"hidden\" name=\"rule.%s.objects\" value=\"%s\">", i, o))),
                    hidden(i, "active", rule.active()), hidden(i, "useOnSave", rule.useOnSave()),
                    hidden(i, "useInBulk", rule.useInBulk()));
        }));
    }

    private static Html hidden(int i, String name, boolean on) {
        return on ? Html.of("<input type=\"hidden\" name=\"rule.%s.%s\" value=\"on\">", i, name) : Html.EMPTY;
    }
}
