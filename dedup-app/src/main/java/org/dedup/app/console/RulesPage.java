package org.dedup.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Creatio duplicate rules as a form, a fieldset per rule and an empty one for a new rule; "Dry run" shows the
 * groups a bulk search with them would find, and only then "Save these rules" stores them.
 */
final class RulesPage {
    private RulesPage() {
    }

    static Html render(RuleRows shown, Optional<JsonNode> dryRun, Optional<String> error, String csrfToken) {
        Html message = error.map(e -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", e)).orElse(Html.EMPTY);
        List<RuleRows.Row> rows = new ArrayList<>(shown.rows());
        rows.add(new RuleRows.Row("", List.of(), List.of(), true, true, true));
        Html fieldsets = Html.join(IntStream.range(0, rows.size()).mapToObj(i -> row(i, rows.get(i),
                i == rows.size() - 1)));
        Html report = dryRun.map(r -> dryRun(r, shown, csrfToken)).orElse(Html.EMPTY);
        return Layout.page("Duplicate rules", csrfToken, Html.of("""
                %s<p>A rule groups records whose standardized fields are all equal (fields such as full_name, email,
                phone_last10, company_name, website). Edit, add or remove rules, then run them dry before saving.</p>
                <form method="post" action="/console/rules/dry-run">%s
                %s
                <button type="submit">Dry run</button></form>
                %s""", message, Layout.csrf(csrfToken), fieldsets, report));
    }

    private static Html row(int i, RuleRows.Row rule, boolean isNew) {
        String id = "rule-" + i;
        Html objects = Html.join(RuleRows.OBJECTS.stream().map(o -> Html.of(
                "<label><input type=\"checkbox\" name=\"rule.%s.objects\" value=\"%s\"%s> %s</label>", i, o,
                checked(rule.objects().contains(o)), o)));
        return Html.of("""
                <fieldset class="rule"><legend>%s</legend>
                <div><label for="%s-name">Name</label> <input id="%s-name" name="rule.%s.name" value="%s" size="40"></div>
                <div role="group" aria-label="Objects of %s">Objects: %s</div>
                <div><label for="%s-fields">Fields (comma-separated)</label>
                <input id="%s-fields" name="rule.%s.fields" value="%s" size="40"></div>
                <div><label><input type="checkbox" name="rule.%s.active"%s> active</label>
                <label><input type="checkbox" name="rule.%s.useOnSave"%s> check on save</label>
                <label><input type="checkbox" name="rule.%s.useInBulk"%s> bulk search</label>%s</div>
                </fieldset>""", isNew ? "New rule (leave empty to add none)" : "Rule " + (i + 1) + ": " + rule.name(),
                id, id, i, rule.name(), isNew ? "the new rule" : rule.name(), objects, id, id, i,
                String.join(", ", rule.fields()), i, checked(rule.active()), i, checked(rule.useOnSave()), i,
                checked(rule.useInBulk()), isNew ? Html.EMPTY : Html.of(
                        "<label><input type=\"checkbox\" name=\"rule.%s.remove\"> remove this rule</label>", i));
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
