package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.LimitsConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.app.http.ServerOnPostgres;

/**
 * dedup's server on a fresh PostgreSQL schema with the console mounted as {@code dedup serve} mounts it, one tenant,
 * and the API calls the console tests use to make review items and check what the console did.
 */
final class ConsoleOnPostgres implements AutoCloseable {
    static final String KEY = "console-key-0123456789";
    private static final AtomicInteger PHONES = new AtomicInteger(1000);
    final ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    private ConsoleOnPostgres(ServerOnPostgres server) {
        this.server = server;
    }

    static ConsoleOnPostgres start(String schemaPrefix) throws Exception {
        return start(schemaPrefix, UnaryOperator.identity());
    }

    /** The console's server with {@code more} applied to its configuration. */
    static ConsoleOnPostgres start(String schemaPrefix, UnaryOperator<DedupConfig> more) throws Exception {
        ServerOnPostgres server = ServerOnPostgres.start(schemaPrefix, List.of(
                new TenantConfig("acme", KEY, List.of("phone"), "GB", null, null, null)),
                config -> more.apply(config.withLimits(new LimitsConfig(null, null, null, null, null, null, 1))),
                ConsoleHandler.over(Clock.systemUTC())::addTo);
        return new ConsoleOnPostgres(server);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.api.port() + path;
    }

    JsonNode api(String method, String path, String body) throws Exception {
        HttpResponse<String> response = server.send(server.request(path).header("X-Api-Key", KEY).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    /**
     * An open pending-review item: two stored leads (leads and their contacts named {@code first} and {@code second}, pipelines
     * "sales" and "partners") share an email stored while only phones were compared, then a third lead with that
     * email arrives while emails are, once the two are indexed for them: a key shared by two leads is generic (the
     * limit of one), so it waits for review. Returns the item.
     */
    JsonNode pendingItem(String first, String second) throws Exception {
        String email = "shared-" + UUID.randomUUID() + "@x.io";
        methods("phone");
        api("POST", "/v1/leads", lead(first, "sales", email, phone()));
        api("POST", "/v1/leads", lead(second, "partners", email, phone()));
        methods("email");
        server.app.startBackgroundWork();
        server.indexedAtLast(KEY, "email");
        JsonNode decision = api("POST", "/v1/leads", lead(second, "partners", email, null));
        assertEquals("pending_review", decision.get("outcome").asText(), decision.toString());
        String lead = decision.get("lead").asText();
        for (JsonNode item : api("GET", "/v1/review?limit=500", null).get("items")) {
            if (item.get("records").toString().contains(lead)) {
                return item;
            }
        }
        throw new AssertionError("no open item holds " + lead);
    }

    JsonNode item(String id) throws Exception {
        return api("GET", "/v1/review/" + id, null);
    }

    private void methods(String method) throws Exception {
        api("PUT", "/v1/settings", "{\"methods\": [\"" + method + "\"]}");
    }

    private String lead(String name, String pipeline, String email, String phone) throws Exception {
        return """
                {"name": %s, "pipeline": %s, "stage": "new", "source": "web_form",
                 "contacts": [{"name": %s, "primary": true, "emails": [%s], "phones": [%s]}]}"""
                .formatted(json.writeValueAsString(name), json.writeValueAsString(pipeline), json.writeValueAsString(name),
                        json.writeValueAsString(email), phone == null ? ""
                                : "{\"type\": \"mobile\", \"number\": \"" + phone + "\"}");
    }

    private static String phone() {
        return "+44 20 7946 " + String.format("%04d", PHONES.getAndIncrement());
    }

    @Override
    public void close() {
        server.close();
    }
}
