package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;

/** Random and malformed payloads against every writing endpoint: only 4xx answers, no 5xx, no stack traces. */
class HttpApiFuzzTest {
    private static final String KEY = "fuzz-key-0123456789";
    private static final List<String> WRITES = List.of("POST /v1/leads", "POST /v1/check", "PUT /v1/rules",
            "PUT /v1/settings", "POST /v1/merges", "POST /v1/not-duplicates", "POST /v1/contacts", "POST /v1/companies",
            "POST /v1/contacts/merges", "POST /v1/companies/merges", "POST /v1/labels");
    private static DedupApplication app;
    private static HttpApi api;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeContainer
    static void start() throws IOException {
        DedupConfig config = DedupConfig.defaults().withDatabase(DatabaseConfig.of("jdbc:h2:mem:fuzz;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))
                .withTenants(List.of(new TenantConfig("fuzz", KEY, List.of("email", "phone"), null, null, null, null)));
        app = DedupApplication.start(config);
        api = new HttpApi(HttpConfig.on(0, 16_384), config.tenants(), app.apiServices());
    }

    @AfterContainer
    static void stop() {
        api.close();
        app.close();
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtrufalsn \\u").ofMaxLength(200);
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> wrongTypes = Arbitraries.of(
                "{\"pipeline\": 1, \"stage\": [], \"contacts\": {}}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"phones\": [{\"type\": \"fax\", \"number\": \"x\"}]}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"emails\": [null]}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [null]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"contacts\": [{\"phones\": [null]}]}",
                "{\"pipeline\": \"p\", \"stage\": \"s\", \"fields\": {\"a\": {\"b\": 1}}}",
                "[{\"name\": null, \"objects\": [], \"fields\": []}]",
                "{\"leads\": [\"not-a-uuid\"], \"survivor\": null}",
                "{\"records\": [\"not-a-uuid\", null], \"survivor\": 1, \"choices\": {\"name\": null}}",
                "{\"records\": [], \"survivor\": \"00000000-0000-0000-0000-000000000000\"}",
                "{\"name\": 5, \"emails\": \"a\", \"website\": [], \"phones\": [{}]}",
                "{\"name\": \"x\", \"emails\": [\"not an email\"], \"fields\": {\"k\": true}}",
                "{\"first\": {\"kind\": \"lead\"}, \"second\": {}}",
                "{\"mergeLimit\": -5, \"afterMergeTask\": {\"text\": \"\", \"dueInMinutes\": -1}}",
                "{\"defaultRegion\": \"Atlantis\", \"scope\": {\"\": null}}",
                "{\"pipeline\": \"" + "p".repeat(20_000) + "\", \"stage\": \"s\"}");
        Arbitrary<String> invalidUtf8 = Arbitraries.of("{\"name\": \"\uD800\"}", "\uFFFE\uFFFF", "\u0000\u0000");
        return Arbitraries.oneOf(noise, jsonish, nested, wrongTypes, invalidUtf8);
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(WRITES);
    }

    @Property(tries = 300)
    void badInputGetsAFourHundredAndNeverAStackTrace(@ForAll("endpoints") String endpoint,
                                                     @ForAll("payloads") String body) throws Exception {
        String[] parts = endpoint.split(" ");
        long before = app.get(LeadRepository.class).count(new TenantId("fuzz"));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + parts[1]))
                .header("X-Api-Key", KEY).method(parts[0], HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(response.statusCode() < 500, endpoint + " answered " + response.statusCode() + ": "
                + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        if (response.statusCode() >= 400 && endpoint.equals("POST /v1/leads")) {
            assertTrue(app.get(LeadRepository.class).count(new TenantId("fuzz")) == before, "a refused lead is not stored");
        }
    }

    @net.jqwik.api.Example
    void invalidUtf8BytesGetAFourHundred() throws Exception {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/v1/leads"))
                .header("X-Api-Key", KEY).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
    }
}
