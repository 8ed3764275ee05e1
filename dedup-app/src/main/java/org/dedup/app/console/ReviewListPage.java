package org.dedup.app.console;

import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The open review queue, oldest first, a page at a time: each item's source and records, linking to its page. */
final class ReviewListPage {
    /** Items a page: each is compared with the stored records when it is read, so a page stays quick. */
    static final int PAGE = 25;
    private ReviewListPage() {
    }

    static Html render(JsonNode page, String csrfToken) {
        JsonNode items = page.path("items");
        Html body = items.isEmpty() ? Html.of("<p>No open items: nothing waits for review.</p>") : Html.of("""
                <table><caption>Open items, oldest first</caption>
                <thead><tr><th scope="col">Item</th><th scope="col">Source</th><th scope="col">Records</th>
                <th scope="col">Opened</th></tr></thead><tbody>%s</tbody></table>""",
                Html.join(StreamSupport.stream(items.spliterator(), false).map(ReviewListPage::row)));
        return Layout.page("Review queue", csrfToken, Html.of("%s%s", body, Layout.next(page, "/console/review",
                "Next " + PAGE + " items")));
    }

    private static Html row(JsonNode item) {
        String id = item.path("id").asText();
        return Html.of("<tr><td><a href=\"/console/review/%s\">Review %s</a></td><td>%s</td><td>%s</td>"
                        + "<td>%s</td></tr>", id, id.substring(0, 8), item.path("source").asText(),
                item.path("records").size(), item.path("openedAt").asText());
    }
}
