package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.dedup.app.config.DedupConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model page when the BIG DATA model file cannot be loaded: the page says BIG DATA is unavailable and why, as
 * the API's matcher list does. (The loaded model's page is driven in a browser by {@link ConsoleBrowserTest}.)
 */
class ConsoleModelPageTest {
    private static ConsoleOnPostgres console;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleOnPostgres.start("console_model", config -> new DedupConfig(config.database(),
                config.http(), config.tenants(), config.pluginsDir(),
                Map.of("big_data", Map.of("model", "/nonexistent/dedup-model.zip")), config.limits(),
                config.schedules(), config.webhooks(), config.reindex()));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void anUnloadableModelIsShownUnavailableWithTheReason() throws Exception {
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(console.url(
                "/console/sign-in"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + ConsoleOnPostgres.KEY)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(console.url("/console/model")))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode(), page.body());
        String reason = console.api("GET", "/v1/matchers", null).get("matchers").findValue("reason").asText();
        assertTrue(reason.startsWith("matchers.big_data.model: "), reason);
        assertTrue(page.body().contains("BIG DATA is unavailable: " + Html.escape(reason)), page.body());
        assertTrue(!page.body().contains("/nonexistent"), "the reason names no path");
    }
}
