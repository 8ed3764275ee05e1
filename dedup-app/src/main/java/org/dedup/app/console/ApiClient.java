package org.dedup.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's only way to the data: dedup's own JSON HTTP API over the loopback, with the signed-in tenant's key.
 * Whatever the API refuses, the console shows; it never reaches the engine another way.
 */
final class ApiClient {
    static final String ACTOR = "console";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final URI api;

    /** An answer of the API: its status and JSON body (problem details when the status is 4xx or 5xx). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        String error() {
            return body.path("detail").asText("the API answered " + status);
        }
    }

    ApiClient() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), URI.create("http://127.0.0.1/"));
    }

    private ApiClient(HttpClient client, URI api) {
        this.client = client;
        this.api = api;
    }

    /** This client (its connections shared) calling the API at {@code base}. */
    ApiClient at(URI base) {
        return new ApiClient(client, base);
    }

    /**
     * The API path of a page of the list at {@code path}, {@code limit} long, after the cursor {@code after} that the
     * console's own query ({@code rawQuery}, may be null) carries from the previous page's "next" link.
     */
    static String page(String path, int limit, String rawQuery) {
        String after = Form.parse(rawQuery == null ? "" : rawQuery).value("after");
        return path + "?limit=" + limit + (after.isBlank() ? "" : "&after=" + URLEncoder.encode(after,
                StandardCharsets.UTF_8));
    }

    Answer get(String apiKey, String pathAndQuery) {
        return send(request(apiKey, pathAndQuery).GET());
    }

    /** A POST of {@code body} (JSON); {@code ifMatch} is sent when not blank. */
    Answer post(String apiKey, String path, Object body, String ifMatch) {
        HttpRequest.Builder request = request(apiKey, path).header("Content-Type", "application/json")
                .header("Dedup-Actor", ACTOR).POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (!ifMatch.isBlank()) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A PUT of {@code body} (JSON). */
    Answer put(String apiKey, String path, Object body) {
        return send(request(apiKey, path).header("Content-Type", "application/json").header("Dedup-Actor", ACTOR)
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A DELETE. */
    Answer delete(String apiKey, String path) {
        return send(request(apiKey, path).header("Dedup-Actor", ACTOR).DELETE());
    }

    private HttpRequest.Builder request(String apiKey, String pathAndQuery) {
        return HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(TIMEOUT).header("X-Api-Key", apiKey);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("the console could not reach the API at " + api, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the API", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
