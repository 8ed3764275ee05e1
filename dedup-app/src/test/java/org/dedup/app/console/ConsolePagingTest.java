package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's long lists, a page at a time with a link to the next, over plain HTTP on PostgreSQL. */
class ConsolePagingTest {
    private static final Pattern MERGE_ROW = Pattern.compile("<tr data-merge=\"");
    private static final Pattern NEXT = Pattern.compile("<a href=\"(/console/merges\\?after=[^\"]+)\">Next 25 merges</a>");
    private static ConsoleOnPostgres console;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleOnPostgres.start("console_paging");
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private String lead(int n) throws Exception {
        return console.api("POST", "/v1/leads", """
                {"name": "Paged %d", "pipeline": "sales", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Paged %d", "primary": true, "emails": ["paged-%d@x.io"]}]}"""
                .formatted(n, n, n)).get("lead").asText();
    }

    private String page(String path, String cookie) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(console.url(path)))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    @Test
    void theMergeHistoryShowsTwentyFiveMergesAPageWithALinkToTheNext() throws Exception {
        for (int i = 0; i < 26; i++) {
            String first = lead(2 * i);
            String second = lead(2 * i + 1);
            console.api("POST", "/v1/merges", "{\"leads\": [\"" + first + "\", \"" + second + "\"], \"survivor\": \""
                    + first + "\"}");
        }
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(console.url("/console/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + ConsoleOnPostgres.KEY)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        String first = page("/console/merges", cookie);
        Matcher next = NEXT.matcher(first);
        assertEquals(25, MERGE_ROW.matcher(first).results().count());
        assertTrue(next.find(), first);
        String second = page(next.group(1), cookie);
        assertEquals(1, MERGE_ROW.matcher(second).results().count(), second);
        assertFalse(NEXT.matcher(second).find(), "the last page links no next one");
    }
}
