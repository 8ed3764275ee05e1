package org.dedup.app.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every option of Kommo's duplicate-control tab as a form; "Dry run" shows what the settings would have merged, and
 * only then a "Save these settings" button stores them. Each control is named and identified as the API names its
 * option, so that a value the API refuses has the API's message shown next to it (and, with a link to it, at the
 * top); the browser checks nothing itself, the API being the one judge of what is valid.
 */
final class SettingsPage {
    private static final List<String> METHODS = List.of("email", "phone", "big_data", "tracking_pixel",
            "custom_field", "duplicate_rule");
    private static final List<Map.Entry<String, String>> CONFLICT = List.of(
            Map.entry("update_existing", "Update the existing lead with new data"),
            Map.entry("keep_existing", "Do not change the data in the existing lead"));
    private static final List<Map.Entry<String, String>> MULTI_MATCH = List.of(
            Map.entry("update_all", "Update all leads"),
            Map.entry("update_newest", "Update the newest lead"),
            Map.entry("create_new", "Create a new lead"));
    private static final List<Map.Entry<String, String>> FOLDING = List.of(
            Map.entry("none", "none"),
            Map.entry("gmail_dots_and_plus", "Gmail: ignore dots and +tags"));

    private SettingsPage() {
    }

    static Html render(SettingsChange shown, Optional<JsonNode> dryRun, Optional<FieldError> error,
                       String csrfToken) {
        Controls controls = new Controls(error);
        Html report = dryRun.map(r -> dryRun(r, shown, csrfToken)).orElse(Html.EMPTY);
        return Layout.page("Settings", csrfToken, Html.of("""
                %s<form method="post" action="/console/settings/dry-run" novalidate>%s
                %s
                %s
                %s
                <h2>When duplicates are found</h2>
                %s%s
                %s
                <h2>After merging</h2>
                %s
                <h2>Reading phones and emails</h2>
                %s%s
                <button type="submit">Dry run</button></form>
                %s""", summary(error), Layout.csrf(csrfToken), methods(shown), matchedFields(shown, controls),
                scope(shown, controls),
                controls.select("conflictPolicy", "When duplicates contain conflicting data", CONFLICT,
                        shown.conflictPolicy()),
                controls.select("multiMatchPolicy", "When 2 or more leads match the incoming lead", MULTI_MATCH,
                        shown.multiMatchPolicy()),
                controls.input("mergeLimit", "Merge limit (more matches than this: nothing is merged)", "number",
                        shown.mergeLimit()),
                task(shown.task(), controls),
                controls.input("defaultRegion", "Default region of national phone numbers", "text",
                        shown.defaultRegion()),
                controls.select("emailFolding", "Email folding", FOLDING, shown.emailFolding()), report));
    }

    /** The API's message at the top, linked to the control it names, for whoever reads the page from the top. */
    private static Html summary(Optional<FieldError> error) {
        return error.map(e -> e.option().isEmpty()
                ? Html.of("<p class=\"error\" role=\"alert\">%s</p>", e.message())
                : Html.of("<p class=\"error\" role=\"alert\">Not valid: <a href=\"#%s\">%s</a></p>", e.option(),
                        e.message())).orElse(Html.EMPTY);
    }

    private static Html methods(SettingsChange shown) {
        Set<String> methods = new LinkedHashSet<>(METHODS);
        methods.addAll(shown.methods());
        return Html.of("<fieldset id=\"methods\"><legend>Match methods</legend>%s</fieldset>", Html.join(
                methods.stream().map(m -> Html.of(
                        "<label><input type=\"checkbox\" name=\"methods\" value=\"%s\"%s> %s</label>", m,
                        checked(shown.methods().contains(m)), m))));
    }

    private static Html matchedFields(SettingsChange shown, Controls controls) {
        Html body = editableRows(shown.matchedFields(), SettingsChange.MatchedField.NEW, "field", SettingsChange::field,
                (field, control, which) -> List.of(
                        controls.cell(control.apply("key"), "Key of " + which, field.key()),
                        controls.cellSelect(control.apply("type"), "Type of " + which, List.of("text", "numeric"),
                                field.type()),
                        controls.cellSelect(control.apply("level"), "Level of " + which, List.of("lead", "contact"),
                                field.level())));
        return Html.of("""
                <fieldset id="matchedFields"><legend>Matched custom fields (method custom_field)</legend>
                <p>Leads whose field holds the same value are merged. Only text or numeric fields can be chosen; a
                contact's field matches on the lead's primary contact only. Fill the last row to add a field.</p>
                <table><thead><tr><th scope="col">Field key</th><th scope="col">Type</th><th scope="col">Level</th>
                <th scope="col">Remove</th></tr></thead><tbody>%s</tbody></table></fieldset>""", body);
    }

    private static Html scope(SettingsChange shown, Controls controls) {
        Html body = editableRows(shown.scope(), SettingsChange.ScopeEntry.NEW, "pipeline", SettingsChange::scope,
                (entry, control, which) -> List.of(
                        controls.cell(control.apply("pipeline"), "Name of " + which, entry.pipeline()),
                        controls.cell(control.apply("stages"), "Stages of " + which,
                                String.join(", ", entry.stages()))));
        return Html.of("""
                <fieldset id="scope"%s><legend>Pipelines and stages to search for duplicates</legend>
                <p>Only leads in these pipelines and stages take part. No pipeline listed: every pipeline; a pipeline
                without stages: every stage of it. Fill the last row to add a pipeline.</p>%s
                <table><thead><tr><th scope="col">Pipeline</th><th scope="col">Stages (comma-separated)</th>
                <th scope="col">Remove</th></tr></thead><tbody>%s</tbody></table></fieldset>""",
                controls.describedBy("scope"), controls.message("scope"), body);
    }

    private static Html task(SettingsChange.Task task, Controls controls) {
        return Html.of("""
                <fieldset id="afterMergeTask"%s><legend>Task after a merge</legend>%s
                <div><label><input type="checkbox" id="afterMergeTask.on" name="afterMergeTask" value="on"%s>
                Create a task in each lead found</label></div>
                %s%s%s
                <p>A note about the merge is added only to leads merged by BIG DATA or the tracking pixel.</p>
                </fieldset>""", controls.describedBy("afterMergeTask"), controls.message("afterMergeTask"),
                checked(task.on()), controls.input("afterMergeTask.text", "Task text", "text", task.text()),
                controls.input("afterMergeTask.dueInMinutes", "Due (minutes after the merge)", "number",
                        task.dueInMinutes()),
                controls.input("afterMergeTask.responsible", "Responsible", "text", task.responsible()));
    }

    /** The cells of a row of an editable table, its controls named by {@code control} and its labels by {@code which}. */
    @FunctionalInterface
    private interface RowCells<T> {
        List<Html> of(T row, Function<String, String> control, String which);
    }

    /**
     * The rows of an editable table: one per entry of {@code rows}, each ending in a box to remove it, then an empty
     * {@code fresh} row (class {@code new}) to fill in to add one. A row's controls are named by {@code name} from its
     * index, and its labels call it "{@code noun} N" or "the new {@code noun}".
     */
    private static <T> Html editableRows(List<T> rows, T fresh, String noun, BiFunction<Integer, String, String> name,
                                         RowCells<T> cells) {
        List<T> all = new ArrayList<>(rows);
        all.add(fresh);
        return Html.join(IntStream.range(0, all.size()).mapToObj(i -> {
            boolean isNew = i == rows.size();
            String which = isNew ? "the new " + noun : noun + " " + (i + 1);
            Function<String, String> control = part -> name.apply(i, part);
            List<Html> row = new ArrayList<>(cells.of(all.get(i), control, which));
            row.add(isNew ? Html.EMPTY : remove(control.apply("remove"), "Remove " + which));
            return Html.of("<tr%s>" + "<td>%s</td>".repeat(row.size()) + "</tr>",
                    Stream.concat(Stream.of(new Html(isNew ? " class=\"new\"" : "")), row.stream()).toArray());
        }));
    }

    private static Html remove(String name, String label) {
        return Html.of("<input type=\"checkbox\" id=\"%s\" name=\"%s\" aria-label=\"%s\">", name, name, label);
    }

    private static Html checked(boolean on) {
        return new Html(on ? " checked" : "");
    }

    /** The form's controls, each marked invalid and followed by the API's message when the refusal names it. */
    private record Controls(Optional<FieldError> error) {
        Html input(String id, String label, String type, String value) {
            return Html.of("<div><label for=\"%s\">%s</label> <input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"%s>%s</div>",
                    id, label, id, id, type, value, invalid(id), message(id));
        }

        /** A choice of {@code options}, each a value and the text shown for it. */
        Html select(String id, String label, List<Map.Entry<String, String>> options, String chosen) {
            Html choices = Html.join(options.stream().map(o -> Html.of(
                    "<option value=\"%s\"%s>%s</option>", o.getKey(), selected(o.getKey().equals(chosen)),
                    o.getValue())));
            return Html.of("<div><label for=\"%s\">%s</label> <select id=\"%s\" name=\"%s\"%s>%s</select>%s</div>",
                    id, label, id, id, invalid(id), choices, message(id));
        }

        /** An input of a table row, named by {@code aria-label} (its column heading says what it holds). */
        Html cell(String id, String label, String value) {
            return Html.of("<input id=\"%s\" name=\"%s\" value=\"%s\" aria-label=\"%s\"%s>%s", id, id, value, label,
                    invalid(id), message(id));
        }

        Html cellSelect(String id, String label, List<String> options, String chosen) {
            return Html.of("<select id=\"%s\" name=\"%s\" aria-label=\"%s\"%s>%s</select>%s", id, id, label,
                    invalid(id), Html.join(options.stream().map(o -> Html.of("<option value=\"%s\"%s>%s</option>",
                            o, selected(o.equals(chosen)), o))), message(id));
        }

        Html invalid(String id) {
            return error.filter(e -> e.names(id)).map(e -> Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"",
                    id)).orElse(Html.EMPTY);
        }

        /** For a group (a fieldset) the refusal names. */
        Html describedBy(String id) {
            return error.filter(e -> e.names(id)).map(e -> Html.of(" aria-describedby=\"%s-error\"", id))
                    .orElse(Html.EMPTY);
        }

        Html message(String id) {
            return error.filter(e -> e.names(id)).map(e -> Html.of(" <span id=\"%s-error\" class=\"error\">%s</span>",
                    id, e.message())).orElse(Html.EMPTY);
        }

        private static Html selected(boolean on) {
            return new Html(on ? " selected" : "");
        }
    }

    private static Html dryRun(JsonNode report, SettingsChange shown, String csrfToken) {
        return Html.of("""
                <section id="dry-run" aria-labelledby="dry-run-title"><h2 id="dry-run-title">Dry run: nothing saved yet</h2>
                <dl><dt>Leads checked</dt><dd>%s</dd><dt>Would merge</dt><dd>%s</dd><dt>By method</dt><dd>%s</dd>
                <dt>Would skip over the merge limit</dt><dd>%s</dd><dt>Kept new by policy</dt><dd>%s</dd>
                <dt>Pending review</dt><dd>%s</dd></dl>
                <form method="post" action="/console/settings/save">%s%s
                <button type="submit">Save these settings</button></form></section>""",
                report.path("leadsChecked").asText(), report.path("wouldMerge").asText(),
                report.path("byMethod").toString(), report.path("wouldSkipOverLimit").asText(),
                report.path("keptNewByPolicy").asText(), report.path("pendingReview").asText(),
                Layout.csrf(csrfToken), shown.hiddenInputs());
    }
}
