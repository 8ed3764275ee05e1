package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.ServeProcess;
import org.dedup.app.config.TenantConfig;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scan per tenant at a time, with two servers on one PostgreSQL schema and a real scan. The first server, a
 * {@code dedup serve} process of its own, runs a scan the test keeps from finishing (it holds the lock of the groups
 * table the scan must read and write), renewing its lease; the second, started beside it, refuses another scan of
 * the tenant with 409 naming the running one. The first is then killed with SIGKILL, so nothing ends the scan or
 * its lease: once the lease ran out, the second reports the scan interrupted and runs the tenant's next one.
 */
class ScanLeasesHttpTest {
    private static final String KEY = "leases-key-0123456789";
    /** Short, so that the test waits seconds for a lease to run out, not the default minute. */
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    // tracking_pixel only: the leads sharing an email are not merged on arrival, and the bulk search groups them
    private static final List<TenantConfig> TENANTS = List.of(new TenantConfig("leases", KEY,
            List.of("tracking_pixel"), null, null, null, null));
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private String schema;
    private ServeProcess first;
    private ServerOnPostgres second;
    private Connection groupsLock;

    @BeforeEach
    void startTheFirstServer() throws Exception {
        schema = TestPostgres.createSchema("scan_leases");
        Path config = Files.writeString(dir.resolve("dedup.yaml"), """
                database: {url: "%s", user: "%s", password: "%s", poolSize: 4, schema: %s}
                http: {port: 0, warmUpMaxSeconds: 0}
                schedules: {scanLeaseMillis: %d}
                tenants:
                  - {id: leases, apiKey: %s, methods: [tracking_pixel]}
                """.formatted(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, schema, LEASE.toMillis(),
                KEY));
        first = ServeProcess.start(config, dir, "first");
    }

    @AfterEach
    void stop() throws SQLException {
        first.close();
        if (groupsLock != null) {
            groupsLock.close();
        }
        if (second != null) {
            second.stop();
        }
        TestPostgres.dropSchema(schema);
    }

    @Test
    void aScanRunningOnAServerIsTheTenantsOnlyOneUntilTheServerIsKilledAndItsLeaseRunsOut() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals(200, send(first.port(), "POST", "/v1/leads", """
                    {"pipeline": "sales", "stage": "new", "source": "web_form",
                     "contacts": [{"name": "Ada Lovelace", "primary": true, "emails": ["ada@x.io"]}]}""")
                    .statusCode());
        }
        holdTheGroupsTable();
        JsonNode started = json.readTree(send(first.port(), "POST", "/v1/scans", null).body());
        UUID running = UUID.fromString(started.get("id").asText());
        awaitTrue(() -> heartbeatAfterStart(running).compareTo(LEASE) > 0,
                "the first server renews the lease of the scan it runs, beyond one lease");

        second = ServerOnPostgres.on(schema, TENANTS, c -> c.withSchedules(c.schedules().withScanLease(LEASE)));
        HttpResponse<String> refused = send(second.api.port(), "POST", "/v1/scans", null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(running.toString(), json.readTree(refused.body()).get("running").asText());
        assertEquals("running", status(running).get("status").asText(), "a live server's scan is left alone");

        assertEquals(128 + 9, first.kill(), "ended by SIGKILL: nothing ends its scan or its lease");
        groupsLock.rollback();
        awaitTrue(() -> status(running).get("status").asText().equals("interrupted"),
                "the killed server's scan ends interrupted once its lease ran out");

        HttpResponse<String> next = send(second.api.port(), "POST", "/v1/scans", null);
        assertEquals(200, next.statusCode(), next.body());
        UUID taken = UUID.fromString(json.readTree(next.body()).get("id").asText());
        awaitTrue(() -> !status(taken).get("status").asText().equals("running"), "the second server's scan ends");
        JsonNode done = status(taken);
        assertEquals("done", done.get("status").asText(), done.toString());
        assertEquals(1, done.get("groups").asInt(), done.toString());
    }

    /** Takes the groups table, in a transaction left open until the test ends it: every scan waits for it. */
    private void holdTheGroupsTable() throws SQLException {
        groupsLock = TestPostgres.connect();
        groupsLock.setAutoCommit(false);
        try (Statement lock = groupsLock.createStatement()) {
            lock.execute("lock table \"" + schema + "\".duplicate_group in access exclusive mode");
        }
    }

    private Duration heartbeatAfterStart(UUID job) throws SQLException {
        try (Connection connection = TestPostgres.connect();
             PreparedStatement read = connection.prepareStatement("select started_at, heartbeat_at from \""
                     + schema + "\".scan_job where tenant_id = 'leases' and id = ?")) {
            read.setObject(1, job);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next(), "scan " + job + " is stored");
                return Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant());
            }
        }
    }

    private JsonNode status(UUID job) throws IOException, InterruptedException {
        HttpResponse<String> found = send(second.api.port(), "GET", "/v1/scans/" + job, null);
        assertEquals(200, found.statusCode(), found.body());
        return json.readTree(found.body());
    }

    private HttpResponse<String> send(int port, String method, String path, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Api-Key", KEY).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits, {@link #PATIENCE} at most, until {@code condition} holds: bounded, and no time is asserted. */
    private static void awaitTrue(Callable<Boolean> condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.call()) {
            assertTrue(Instant.now().isBefore(deadline), what + ": not within " + PATIENCE);
            Thread.sleep(100);
        }
    }
}
