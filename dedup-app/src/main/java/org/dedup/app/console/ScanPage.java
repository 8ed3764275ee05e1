package org.dedup.app.console;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scan: while it runs the page reloads itself every second (a meta refresh, no script), then shows what it
 * found and links to the groups.
 */
final class ScanPage {
    private ScanPage() {
    }

    static Html render(JsonNode scan, String csrfToken) {
        String status = scan.path("status").asText();
        Html result = switch (status) {
            case "running" -> Html.of("<p role=\"status\">Running since %s. This page follows it.</p>",
                    When.readable(scan.path("started").asText()));
            case "done" -> Html.of("""
                    <dl id="scan-result"><dt>Records</dt><dd>%s</dd><dt>Pairs compared</dt><dd>%s of %s</dd>
                    <dt>Groups found</dt><dd>%s</dd><dt>Oversized blocks skipped</dt><dd>%s</dd>
                    <dt>Finished</dt><dd>%s</dd></dl>""", scan.path("records").asText(),
                    scan.path("pairsCompared").asText(), scan.path("allPairs").asText(),
                    scan.path("groups").asText(), scan.path("oversizedBlocks").size(), When.readable(scan.path("finished").asText()));
            default -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", scan.path("error").asText(status));
        };
        Html content = Html.of("""
                <p id="scan-status">Status: <strong>%s</strong></p>%s
                <p><a href="/console/groups">Duplicate groups</a></p>""", status, result);
        String title = "Scan " + status;
        return status.equals("running") ? Layout.reloading(title, csrfToken, content)
                : Layout.page(title, csrfToken, content);
    }
}
