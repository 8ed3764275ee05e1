package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/scan-schedule} on PostgreSQL: set, read and removed per tenant; a bad cron or zone is a 400 naming it. */
class ScanScheduleHttpTest {
    private static final String ACME = "acme-key-0123456789";
    private static final String GLOBEX = "globex-key-0123456789";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        server = ServerOnPostgres.start("schedule_http", 4_096, List.of(
                new TenantConfig("acme", ACME, List.of("email"), null, null, null, null),
                new TenantConfig("globex", GLOBEX, List.of("email"), null, null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String key, String body) throws Exception {
        return server.send(server.request("/v1/scan-schedule").header("X-Api-Key", key).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aScheduleIsSetReadAndRemovedForItsTenantOnly() throws Exception {
        HttpResponse<String> set = send("PUT", ACME, "{\"cron\": \"0 30 2 * * *\", \"zone\": \"Asia/Tokyo\"}");

        assertEquals(200, set.statusCode(), set.body());
        JsonNode schedule = json.readTree(set.body());
        assertEquals("0 30 2 * * *", schedule.get("cron").asText());
        assertEquals("Asia/Tokyo", schedule.get("zone").asText());
        Instant next = Instant.parse(schedule.get("nextRun").asText());
        assertEquals("02:30", next.atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalTime().toString(),
                "the cron is read in the tenant's zone");
        assertTrue(next.isAfter(Instant.now()));
        assertEquals(set.body(), send("GET", ACME, null).body());
        assertEquals(404, send("GET", GLOBEX, null).statusCode(), "another tenant has none");

        HttpResponse<String> replaced = send("PUT", ACME, "{\"cron\": \"0 0 * * * *\", \"zone\": \"UTC\"}");
        assertEquals("0 0 * * * *", json.readTree(replaced.body()).get("cron").asText());
        assertEquals(replaced.body(), send("GET", ACME, null).body());

        assertEquals(200, send("DELETE", ACME, null).statusCode());
        assertEquals(404, send("GET", ACME, null).statusCode());
        assertEquals(404, send("DELETE", ACME, null).statusCode());
    }

    @Test
    void aBadCronOrZoneIsRefusedNamingIt() throws Exception {
        assertRefused("{\"cron\": \"0 0 2 * *\", \"zone\": \"UTC\"}", "cron '0 0 2 * *' is not a valid cron");
        assertRefused("{\"cron\": \"every day\", \"zone\": \"UTC\"}", "cron 'every day' is not a valid cron");
        assertRefused("{\"cron\": \"0 0 2 * * *\", \"zone\": \"Mars/Olympus\"}", "zone 'Mars/Olympus' is not an IANA");
        assertRefused("{\"cron\": \"0 0 2 * * *\"}", "zone is required");
        assertRefused("{\"zone\": \"UTC\"}", "cron is required");
        assertRefused("{\"cron\": \"-\", \"zone\": \"UTC\"}", "never fires");
        assertRefused("{\"cron\": \"0 0 2 * * *\", \"zone\": \"UTC\", \"every\": 2}", "unknown field 'every'");
        assertRefused("null", "JSON object");
        assertEquals(404, send("GET", GLOBEX, null).statusCode(), "nothing was stored");
    }

    @Test
    void theOpenApiDocumentDescribesTheSchedule() throws Exception {
        JsonNode path = json.readTree(server.send(server.request("/openapi.json").GET()).body()).get("paths")
                .get("/v1/scan-schedule");

        for (String method : List.of("get", "put", "delete")) {
            assertTrue(path.has(method), method);
        }
    }

    private void assertRefused(String body, String naming) throws Exception {
        HttpResponse<String> refused = send("PUT", GLOBEX, body);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(json.readTree(refused.body()).get("detail").asText().contains(naming), refused.body());
    }
}
