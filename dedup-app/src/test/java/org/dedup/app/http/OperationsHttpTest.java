package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What operators and careful clients rely on: health, entity tags with If-Match, and the metrics. */
class OperationsHttpTest {
    private static final String KEY = "operations-key-0123456789";
    private static final String METRICS_KEY = "metrics-key-0123456789";
    private static final String LEAD = """
            {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Ana Ruiz", "primary": true,
             "emails": ["%s"]}]}""";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = ServerOnPostgres.start("operations", HttpConfig.on(0, 16_384).withMetricsKey(METRICS_KEY),
                List.of(new TenantConfig("acme", KEY, List.of("email"), null, null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = server.request(path).header("X-Api-Key", KEY).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.send(request);
    }

    @Nested
    class Health {
        @Test
        void aRunningServerOnAMigratedDatabaseIsLiveAndReady() throws Exception {
            HttpResponse<String> live = server.send(server.request("/health/live"));
            HttpResponse<String> ready = server.send(server.request("/health/ready"));

            assertEquals(200, live.statusCode(), live.body());
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("ready", json.readTree(ready.body()).get("status").asText());
        }
    }

    @Nested
    class EntityTags {
        @Test
        void aLeadIsSentWithItsVersionAsAStrongETagAndAnUpdateNamingAnOlderOneIs412() throws Exception {
            String id = json.readTree(send("POST", "/v1/leads", LEAD.formatted("ana@x.io")).body()).get("lead")
                    .asText();
            HttpResponse<String> read = send("GET", "/v1/leads/" + id, null);
            String etag = read.headers().firstValue("ETag").orElse("");
            assertEquals("\"0\"", etag);

            HttpResponse<String> updated = send("PUT", "/v1/leads/" + id, LEAD.formatted("ana.ruiz@x.io"),
                    "If-Match", etag);
            HttpResponse<String> stale = send("PUT", "/v1/leads/" + id, LEAD.formatted("ana.r@x.io"),
                    "If-Match", etag);

            assertEquals(200, updated.statusCode(), updated.body());
            assertEquals(412, stale.statusCode(), stale.body());
            assertTrue(stale.body().contains("version 1, not 0"), stale.body());
            HttpResponse<String> after = send("GET", "/v1/leads/" + id, null);
            assertEquals("\"1\"", after.headers().firstValue("ETag").orElse(""));
            assertTrue(after.body().contains("ana.ruiz@x.io"), "the refused update changed nothing: " + after.body());
        }

        @Test
        void aWeakOrUnreadableIfMatchIsA400() throws Exception {
            String id = json.readTree(send("POST", "/v1/leads", LEAD.formatted("weak@x.io")).body()).get("lead")
                    .asText();
            assertEquals(400, send("PUT", "/v1/leads/" + id, LEAD.formatted("weak@x.io"), "If-Match", "W/\"0\"")
                    .statusCode());
            assertEquals(400, send("PUT", "/v1/leads/" + id, LEAD.formatted("weak@x.io"), "If-Match", "latest")
                    .statusCode());
        }
    }

    @Nested
    class Metrics {
        @Test
        void theMetricsNeedTheMetricsKeyWhenOneIsConfigured() throws Exception {
            HttpResponse<String> none = server.send(server.request("/metrics"));
            HttpResponse<String> wrong = server.send(server.request("/metrics")
                    .header("Authorization", "Bearer " + KEY));
            HttpResponse<String> right = server.send(server.request("/metrics")
                    .header("Authorization", "Bearer " + METRICS_KEY));

            assertEquals(401, none.statusCode(), none.body());
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(200, right.statusCode());
        }

        @Test
        void theMetricsShowTheJvmThePoolAndALatencyHistogramPerRoute() throws Exception {
            send("GET", "/v1/settings", null);
            String metrics = server.send(server.request("/metrics").header("Authorization", "Bearer " + METRICS_KEY))
                    .body();

            for (String series : List.of("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                    "process_cpu_usage", "dedup_db_pool_connections{state=\"active\"}",
                    "dedup_db_pool_connections{state=\"idle\"}", "dedup_db_pool_threads_waiting",
                    "dedup_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/settings\",status=\"200\",le=")) {
                assertTrue(metrics.contains(series), series + " missing from\n" + metrics);
            }
        }
    }
}
