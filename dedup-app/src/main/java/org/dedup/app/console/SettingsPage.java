package org.dedup.app.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kommo duplicate-control options as a form; "Dry run" shows what they would have merged, and only then a
 * "Save these settings" button stores them.
 */
final class SettingsPage {
    private static final List<String> METHODS = List.of("email", "phone", "big_data", "tracking_pixel",
            "custom_field", "duplicate_rule");

    private SettingsPage() {
    }

    static Html render(SettingsChange shown, Optional<JsonNode> dryRun, Optional<String> error, String csrfToken) {
        Html message = error.map(e -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", e)).orElse(Html.EMPTY);
        Set<String> methods = new LinkedHashSet<>(METHODS);
        methods.addAll(shown.methods());
        Html boxes = Html.join(methods.stream().map(m -> Html.of(
                "<label><input type=\"checkbox\" name=\"methods\" value=\"%s\"%s> %s</label>", m,
                new Html(shown.methods().contains(m) ? " checked" : ""), m)));
        Html report = dryRun.map(r -> dryRun(r, shown, csrfToken)).orElse(Html.EMPTY);
        return Layout.page("Settings", csrfToken, Html.of("""
                %s<form method="post" action="/console/settings/dry-run">%s
                <fieldset><legend>Match methods</legend>%s</fieldset>
                %s%s
                <div><label for="mergeLimit">Merge limit</label>
                <input id="mergeLimit" name="mergeLimit" type="number" min="1" value="%s"></div>
                <div><label for="defaultRegion">Default region</label>
                <input id="defaultRegion" name="defaultRegion" value="%s" size="4"></div>
                %s
                <p>Matched custom fields, the pipeline scope and the task after a merge are kept as they are.</p>
                <button type="submit">Dry run</button></form>
                %s""", message, Layout.csrf(csrfToken), boxes,
                select("conflictPolicy", "Conflict policy", List.of("update_existing", "keep_existing"),
                        shown.conflictPolicy()),
                select("multiMatchPolicy", "Several matches", List.of("update_all", "update_newest", "create_new"),
                        shown.multiMatchPolicy()),
                shown.mergeLimit(), shown.defaultRegion(),
                select("emailFolding", "Email folding", List.of("none", "gmail_dots_and_plus"), shown.emailFolding()),
                report));
    }

    private static Html select(String name, String label, List<String> values, String chosen) {
        return Html.of("<div><label for=\"%s\">%s</label><select id=\"%s\" name=\"%s\">%s</select></div>", name, label,
                name, name, Html.join(values.stream().map(v -> Html.of("<option%s>%s</option>",
                        new Html(v.equals(chosen) ? " selected" : ""), v))));
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
