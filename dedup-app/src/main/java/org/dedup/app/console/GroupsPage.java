package org.dedup.app.console;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest bulk search's duplicate groups, each with its members and its pairs' explanations; the "run now" form,
 * the tenant's schedule (cron and time zone) and its last runs.
 */
final class GroupsPage {
    static final List<String> SCAN_METHODS = List.of("rules", "big_data", "both");

    private GroupsPage() {
    }

    static Html render(JsonNode groups, JsonNode runs, Optional<JsonNode> schedule, Optional<String> error,
                       String csrfToken) {
        Html message = error.map(e -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", e)).orElse(Html.EMPTY);
        JsonNode list = groups.path("groups");
        Html found = list.isEmpty() ? Html.of("<p>No groups: the latest scan found none, or no scan ran yet.</p>")
                : Html.join(StreamSupport.stream(list.spliterator(), false).map(GroupsPage::group));
        return Layout.page("Duplicate groups", csrfToken, Html.of("""
                %s<div class="cards"><section aria-labelledby="run-title"><h2 id="run-title">Run a scan now</h2>
                <form method="post" action="/console/groups/scan">%s
                <label for="method">Method</label> <select id="method" name="method">%s</select>
                <button type="submit">Run now</button></form></section>
                %s</div>
                %s
                <section aria-labelledby="groups-title"><h2 id="groups-title">Groups of the latest scan (%s%s)</h2>
                %s</section>""", message, Layout.csrf(csrfToken),
                Html.join(SCAN_METHODS.stream().map(m -> Html.of("<option>%s</option>", m))),
                scheduleForm(schedule, csrfToken), lastRuns(runs.path("scans")), list.size(),
                new Html(groups.path("next").isTextual() ? " shown, more exist" : ""), found));
    }

    private static Html group(JsonNode group) {
        Html members = Html.join(StreamSupport.stream(group.path("members").spliterator(), false)
                .map(m -> Html.of("<li>%s %s</li>", m.path("kind").asText(), m.path("id").asText())));
        Html links = Html.join(StreamSupport.stream(group.path("links").spliterator(), false).map(link -> {
            Html lines = Html.join(StreamSupport.stream(link.path("explanation").spliterator(), false).map(l ->
                    Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                            l.path("field").asText(), l.path("first").asText(), l.path("second").asText(),
                            l.path("comparison").asText(), l.path("similarity").asText())));
            return Html.of("""
                    <table class="pair"><caption>%s %s and %s %s: %s, score %s</caption>
                    <thead><tr><th scope="col">Field</th><th scope="col">First</th><th scope="col">Second</th>
                    <th scope="col">Comparison</th><th scope="col">Similarity</th></tr></thead><tbody>%s</tbody></table>""",
                    link.path("first").path("kind").asText(), shortId(link.path("first")),
                    link.path("second").path("kind").asText(), shortId(link.path("second")),
                    link.path("method").asText(), link.path("score").asText(), lines);
        }));
        String id = group.path("id").asText();
        return Html.of("""
                <article class="group" data-group="%s" aria-labelledby="group-%s"><h3 id="group-%s">Group %s: %s records, by %s</h3>
                <ul>%s</ul>%s</article>""", id, id, id, id.substring(0, 8), group.path("members").size(),
                String.join(", ", StreamSupport.stream(group.path("rules").spliterator(), false)
                        .map(JsonNode::asText).toList()), members, links);
    }

    private static String shortId(JsonNode reference) {
        String id = reference.path("id").asText();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static Html scheduleForm(Optional<JsonNode> schedule, String csrfToken) {
        Html now = schedule.map(s -> Html.of("""
                <p id="schedule-now">Runs on <code>%s</code> in %s; next run %s%s.</p>
                <form method="post" action="/console/groups/schedule/remove">%s
                <button type="submit">Remove the schedule</button></form>""", s.path("cron").asText(),
                s.path("zone").asText(), When.readable(s.path("nextRun").asText()),
                s.path("running").asBoolean() ? " (a scheduled run is going on)" : "", Layout.csrf(csrfToken)))
                .orElse(Html.of("<p id=\"schedule-now\">No schedule: scans run only when started.</p>"));
        return Html.of("""
                <section id="schedule" aria-labelledby="schedule-title"><h2 id="schedule-title">Schedule</h2>%s
                <form method="post" action="/console/groups/schedule">%s
                <div><label for="cron">Cron (second minute hour day month weekday)</label>
                <input id="cron" name="cron" value="%s" required size="16"></div>
                <div><label for="zone">Time zone</label> <input id="zone" name="zone" value="%s" required size="20">
                <button type="submit">Save the schedule</button></div></form></section>""", now, Layout.csrf(csrfToken),
                schedule.map(s -> s.path("cron").asText()).orElse("0 0 2 * * *"),
                schedule.map(s -> s.path("zone").asText()).orElse("UTC"));
    }

    private static Html lastRuns(JsonNode scans) {
        if (scans.isEmpty()) {
            return Html.of("<section aria-labelledby=\"runs-title\"><h2 id=\"runs-title\">Last runs</h2>"
                    + "<p>No scan ran yet.</p></section>");
        }
        Html rows = Html.join(StreamSupport.stream(scans.spliterator(), false).map(scan -> Html.of(
                "<tr><td><a href=\"/console/groups/scans/%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td>"
                        + "<td>%s</td><td>%s</td></tr>", scan.path("id").asText(), When.readable(scan.path("started").asText()),
                scan.path("status").asText(), When.readable(scan.path("finished").asText("-")), scan.path("records").asText("-"),
                scan.path("groups").asText("-"), scan.path("error").asText(""))));
        return Html.of("""
                <section aria-labelledby="runs-title"><h2 id="runs-title">Last runs</h2>
                <table id="runs"><thead><tr><th scope="col">Started</th><th scope="col">Status</th>
                <th scope="col">Finished</th><th scope="col">Records</th><th scope="col">Groups</th>
                <th scope="col">Note</th></tr></thead><tbody>%s</tbody></table></section>""", rows);
    }
}
