package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running server and comes back: requests meanwhile get 503 with Retry-After and a
 * JSON error (no stack trace), and the retry under the same idempotency key stores the lead once. The database is
 * an H2 server of the test's own on a free loopback port, so the shared PostgreSQL is never stopped.
 */
class DatabaseUnavailableTest {
    private static final String KEY = "down-key-0123456789";
    private static final String LEAD = """
            {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Kim Lee", "primary": true,
             "emails": ["kim@x.io"]}]}""";
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void leadsGet503WithRetryAfterWhileTheDatabaseIsDownAndTheRetryStoresThemOnce() throws Exception {
        int port = freePort();
        Server database = h2(port);
        DedupConfig config = DedupConfig.defaults()
                .withDatabase(DatabaseConfig.of("jdbc:h2:tcp://127.0.0.1:" + port + "/./dedup;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))
                .withTenants(List.of(new TenantConfig("down", KEY, List.of("email"), null, null, null, null)));
        try (DedupApplication app = DedupApplication.start(config);
             HttpApi api = new HttpApi(HttpConfig.on(0, 16_384), config.tenants(), app.apiServices())) {
            assertEquals(200, post(api, "first").statusCode());

            database.stop();
            HttpResponse<String> refused = post(api, "during-outage");

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(refused.body().contains("\"detail\":\"the database is unavailable"), refused.body());
            assertFalse(refused.body().contains("Exception") || refused.body().contains("\tat "), refused.body());

            database = h2(port);
            HttpResponse<String> retried = retryUntilAnswered(api, "during-outage");
            assertEquals(200, retried.statusCode(), retried.body());
            assertEquals(retried.body(), post(api, "during-outage").body(), "the retry is answered from the log");
            assertEquals(1, app.get(LeadRepository.class).count(new TenantId("down")),
                    "the second arrival merged into the first by email; nothing was stored twice");
        } finally {
            database.stop();
        }
    }

    /**
     * Retried as a client told {@code Retry-After} does, for at most 30 s. (Waiting matters: the pool checks a
     * connection idle for more than 500 ms before lending it, and H2 reports a broken connection with an SQL state
     * the pool does not evict on, so a client hammering without pause could keep drawing the same dead one.)
     */
    private HttpResponse<String> retryUntilAnswered(HttpApi api, String key) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> response = post(api, key);
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(1_000 * Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()));
            response = post(api, key);
        }
        return response;
    }

    private HttpResponse<String> post(HttpApi api, String idempotencyKey) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/leads"))
                        .header("X-Api-Key", KEY).header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(LEAD)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Server h2(int port) throws SQLException {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
