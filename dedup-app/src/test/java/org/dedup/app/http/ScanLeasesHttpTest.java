package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one PostgreSQL database: a server that starts leaves alone the scans whose lease
 * another live server keeps, and ends as interrupted only those whose lease ran out.
 */
class ScanLeasesHttpTest {
    private static final String KEY = "leases-key-0123456789";
    private static final TenantId TENANT = new TenantId("leases");
    private static final List<TenantConfig> TENANTS = List.of(new TenantConfig("leases", KEY, List.of("email"),
            null, null, null, null));
    private final ObjectMapper json = new ObjectMapper();
    private String schema;
    private ServerOnPostgres first;

    @BeforeEach
    void startTheFirstServer() throws Exception {
        schema = TestPostgres.createSchema("scan_leases");
        first = ServerOnPostgres.on(schema, 4_096, TENANTS);
    }

    @AfterEach
    void stop() {
        first.close();
    }

    /** A scan the first server runs, its heartbeat at {@code heartbeat}. */
    private ScanJob runningOnTheFirst(Instant started, Instant heartbeat) {
        ScanJobStore jobs = first.app.get(ScanJobStore.class);
        ScanJob job = ScanJob.running(TENANT, started);
        jobs.startUnlessRunning(job);
        jobs.renew(List.of(job), heartbeat);
        return job;
    }

    private JsonNode status(ServerOnPostgres server, ScanJob job) throws Exception {
        HttpResponse<String> found = server.send(server.request("/v1/scans/" + job.id()).header("X-Api-Key", KEY)
                .GET());
        assertEquals(200, found.statusCode(), found.body());
        return json.readTree(found.body());
    }

    @Test
    void aServerStartingBesideALiveOneLeavesTheScanItRunsRunningAndRefusesASecond() throws Exception {
        Instant longAgo = Instant.now().minus(BulkScans.LEASE.multipliedBy(5));
        ScanJob running = runningOnTheFirst(longAgo, Instant.now());

        ServerOnPostgres second = ServerOnPostgres.on(schema, 4_096, TENANTS);
        try {
            assertEquals("running", status(second, running).get("status").asText());
            HttpResponse<String> another = second.send(second.request("/v1/scans").header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(409, another.statusCode(), another.body());
            assertEquals(running.id().toString(), json.readTree(another.body()).get("running").asText());
        } finally {
            second.stop();
            first.app.get(ScanJobStore.class).end(running.ended(new ScanJob.Failed(Instant.now(), "ended by the test")));
        }
    }

    @Test
    void aServerStartingEndsAsInterruptedAScanWhoseLeaseRanOut() throws Exception {
        Instant stale = Instant.now().minus(BulkScans.LEASE).minusSeconds(5);
        ScanJob left = runningOnTheFirst(stale, stale);

        ServerOnPostgres second = ServerOnPostgres.on(schema, 4_096, TENANTS);
        try {
            assertEquals("interrupted", status(second, left).get("status").asText());
        } finally {
            second.stop();
        }
    }
}
