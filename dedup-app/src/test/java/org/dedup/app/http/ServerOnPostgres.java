package org.dedup.app.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.testing.TestPostgres;

/** The application and its HTTP API on a random port, over a fresh PostgreSQL schema dropped on close. */
public final class ServerOnPostgres implements AutoCloseable {
    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    final String schema;
    public final DedupApplication app;
    public final HttpApi api;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServerOnPostgres(String schema, DedupApplication app, HttpApi api) {
        this.schema = schema;
        this.app = app;
        this.api = api;
    }

    static ServerOnPostgres start(String schemaPrefix, int maxBodyBytes, List<TenantConfig> tenants)
            throws IOException {
        return on(TestPostgres.createSchema(schemaPrefix), maxBodyBytes, tenants);
    }

    /** As {@link #start(String, int, List)}, the configuration changed by {@code adjusted} (limits, say). */
    public static ServerOnPostgres start(String schemaPrefix, List<TenantConfig> tenants,
                                  UnaryOperator<DedupConfig> adjusted) throws IOException {
        return start(schemaPrefix, tenants, adjusted, pages -> { });
    }

    /** As {@link #start(String, List, UnaryOperator)}, with {@code pages} (the console) served beside the API. */
    public static ServerOnPostgres start(String schemaPrefix, List<TenantConfig> tenants,
                                         UnaryOperator<DedupConfig> adjusted, Consumer<RoutesConfig> pages) {
        String schema = TestPostgres.createSchema(schemaPrefix);
        DedupApplication app = DedupApplication.start(adjusted.apply(config(schema, tenants)));
        return new ServerOnPostgres(schema, app, new HttpApi(HttpConfig.on(0, 65_536), tenants, app.apiServices(),
                pages));
    }

    /** As {@link #start(String, int, List)}, the API configured by {@code http}. */
    static ServerOnPostgres start(String schemaPrefix, HttpConfig http, List<TenantConfig> tenants) {
        String schema = TestPostgres.createSchema(schemaPrefix);
        DedupApplication app = DedupApplication.start(config(schema, tenants));
        return new ServerOnPostgres(schema, app, new HttpApi(http, tenants, app.apiServices()));
    }

    /** The application and its API started on {@code schema} as it is. */
    static ServerOnPostgres on(String schema, int maxBodyBytes, List<TenantConfig> tenants) throws IOException {
        DedupApplication app = DedupApplication.start(config(schema, tenants));
        return new ServerOnPostgres(schema, app, new HttpApi(HttpConfig.on(0, maxBodyBytes), tenants,
                app.apiServices()));
    }

    /** As {@link #on(String, int, List)}, the configuration changed by {@code adjusted}. */
    static ServerOnPostgres on(String schema, List<TenantConfig> tenants, UnaryOperator<DedupConfig> adjusted) {
        DedupApplication app = DedupApplication.start(adjusted.apply(config(schema, tenants)));
        return new ServerOnPostgres(schema, app, new HttpApi(HttpConfig.on(0, 65_536), tenants, app.apiServices()));
    }

    static DedupConfig config(String schema, List<TenantConfig> tenants) {
        return DedupConfig.defaults()
                .withDatabase(new DatabaseConfig(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 8, schema))
                .withTenants(tenants);
    }

    /** Stops the application and starts it again on the same database with {@code tenants} configured. */
    ServerOnPostgres restarted(List<TenantConfig> tenants) throws IOException {
        stop();
        return on(schema, 4_096, tenants);
    }

    /** Stops the application and its API, leaving the schema to another server on it. */
    void stop() {
        api.close();
        app.close();
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code method path} with {@code key} as X-Api-Key, {@code body} (null: none) and the header name-value pairs. */
    public HttpResponse<String> send(String method, String path, String key, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Api-Key", key);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    /** How far {@code method} is indexed for the tenant of {@code apiKey}, as {@code GET /v1/settings/indexing} says. */
    public JsonNode indexing(String apiKey, String method) throws IOException, InterruptedException {
        JsonNode methods = JSON.readTree(send(request("/v1/settings/indexing").header("X-Api-Key", apiKey).GET())
                .body()).get("methods");
        for (JsonNode entry : methods) {
            if (entry.get("method").asText().equals(method)) {
                return entry;
            }
        }
        throw new AssertionError(method + " is not listed: " + methods);
    }

    /**
     * Polls until {@code method}, just enabled for the tenant of {@code apiKey}, is indexed: the leads stored before
     * are found by it only then (the reindex waits out its settle time first). Fails after {@link #INDEXED_WITHIN}.
     */
    public JsonNode indexedAtLast(String apiKey, String method) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(INDEXED_WITHIN);
        JsonNode state = indexing(apiKey, method);
        while (!state.get("state").asText().equals("indexed") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = indexing(apiKey, method);
        }
        if (!state.get("state").asText().equals("indexed")) {
            throw new AssertionError(method + " not indexed within " + INDEXED_WITHIN + ": " + state);
        }
        return state;
    }

    @Override
    public void close() {
        stop();
        TestPostgres.dropSchema(schema);
    }
}
