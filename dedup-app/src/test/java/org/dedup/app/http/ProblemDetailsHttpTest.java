package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error of the API is RFC 9457 problem+json naming the problem, and none shows the server's internals. */
class ProblemDetailsHttpTest {
    private static final String KEY = "problems-key-0123456789";
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|\\tat |org\\.dedup|org\\.eclipse|io\\.javalin|select |insert into|update .* set|"
                    + "jdbc|postgres|sqlstate|/work/|/tmp/|\\.java|\\$|\\[\"");
    /** Every write that reads a JSON body, with a path parameter where it has one. */
    private static final List<String> BODY_WRITES = List.of("POST /v1/leads", "PUT /v1/leads/{id}", "POST /v1/check",
            "POST /v1/contacts", "PUT /v1/contacts/{id}", "POST /v1/contacts/merges", "POST /v1/companies",
            "PUT /v1/companies/{id}", "POST /v1/companies/merges", "POST /v1/merges", "POST /v1/merges/preview",
            "POST /v1/not-duplicates", "DELETE /v1/not-duplicates", "PUT /v1/rules", "POST /v1/rules/dry-run",
            "PUT /v1/settings", "POST /v1/settings/dry-run", "POST /v1/scans", "PUT /v1/scan-schedule",
            "POST /v1/webhooks", "POST /v1/review/{id}/merge");
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = ServerOnPostgres.start("problems", HttpConfig.on(0, 4_096), List.of(
                new TenantConfig("acme", KEY, List.of("email", "phone"), "GB", null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> bodyWrites() {
        return BODY_WRITES;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return server.send(server.request(path.replace("{id}", UUID.randomUUID().toString()))
                .header("X-Api-Key", KEY).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String endpoint, String body) throws Exception {
        String[] parts = endpoint.split(" ");
        return send(parts[0], parts[1], body);
    }

    /** The answer is problem+json with its four members, the given status, and no internals. */
    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0], response.body());
        JsonNode problem = json.readTree(response.body());
        assertEquals("about:blank", problem.path("type").asText(), response.body());
        assertFalse(problem.path("title").asText().isBlank(), response.body());
        assertEquals(status, problem.path("status").asInt(), response.body());
        assertFalse(problem.path("detail").asText().isBlank(), response.body());
        assertFalse(INTERNALS.matcher(response.body()).find(), response.body());
        return problem;
    }

    @Nested
    class EveryErrorIsProblemJson {
        @Test
        void missingAndWrongKeysUnknownPathsAndOversizedBodiesAreProblems() throws Exception {
            problem(server.send(server.request("/v1/settings").GET()), 401);
            problem(server.send(server.request("/v1/settings").header("X-Api-Key", "wrong-key-0123456789").GET()),
                    401);
            problem(send("GET", "/v1/nothing-here", null), 404);
            problem(send("GET", "/v1/leads/" + UUID.randomUUID(), null), 404);
            problem(send("POST", "/v1/leads", "{\"name\": \"" + "x".repeat(5_000) + "\"}"), 413);
            JsonNode malformed = problem(send("POST", "/v1/leads", "{\"name\": "), 400);
            assertTrue(malformed.get("detail").asText().contains("malformed JSON"), malformed.toString());
        }

        @Test
        void aWrongFieldOrTypeIsNamedByItsPlaceInTheBodyNeverByAJavaType() throws Exception {
            JsonNode unknown = problem(send("PUT", "/v1/scan-schedule", "{\"cron\": \"0 0 2 * * *\", \"every\": 2}"),
                    400);
            JsonNode wrongType = problem(send("PUT", "/v1/rules", "{\"name\": \"r\"}"), 400);
            JsonNode nested = problem(send("PUT", "/v1/settings", "{\"methods\": {\"email\": true}}"), 400);

            assertEquals("unknown field 'every' at /every", unknown.get("detail").asText());
            assertEquals("the value at / is not of the expected type", wrongType.get("detail").asText());
            assertEquals("the value at /methods is not of the expected type", nested.get("detail").asText());
        }

        @Test
        void aRequestTheServerCannotParseIsAProblemToo() throws Exception {
            try (Socket socket = new Socket("127.0.0.1", server.api.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("GET /v1/settings HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
                assertTrue(answer.contains("\"status\":400"), answer);
                assertFalse(INTERNALS.matcher(answer).find(), answer);
            }
        }

        @Test
        void aValueTheDatabaseRefusesIsAProblemWithoutItsSql() throws Exception {
            String lead = """
                    {"name": "a\\u0000b", "pipeline": "sales", "stage": "new",
                     "contacts": [{"name": "Nul\\u0000Byte", "primary": true, "emails": ["nul@x.io"]}]}""";

            HttpResponse<String> refused = send("POST", "/v1/leads", lead);

            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.body());
            problem(refused, refused.statusCode());
        }
    }

    @Nested
    class NullBodies {
        @ParameterizedTest
        @MethodSource("org.dedup.app.http.ProblemDetailsHttpTest#bodyWrites")
        void aJsonNullBodyIsA400NamingIt(String endpoint) throws Exception {
            JsonNode problem = problem(send(endpoint, "null"), 400);
            assertTrue(problem.get("detail").asText().contains("JSON null"), problem.toString());
        }
    }

    @Nested
    class HugeNumbers {
        @ParameterizedTest
        @MethodSource("org.dedup.app.http.ProblemDetailsHttpTest#bodyWrites")
        void aNumberNoDoubleHoldsIsA400NamingWhereItIs(String endpoint) throws Exception {
            JsonNode problem = problem(send(endpoint, "{\"fields\": {\"size\": 1e400}}"), 400);
            assertTrue(problem.get("detail").asText().contains("/fields/size is out of range"), problem.toString());
        }

        @Test
        void aHugeNumberInAnArrayBodyIsNamedToo() throws Exception {
            JsonNode problem = problem(send("PUT", "/v1/rules", "[{\"name\": \"r\", \"active\": -1e400}]"), 400);
            assertTrue(problem.get("detail").asText().contains("/0/active is out of range"), problem.toString());
        }
    }

    @Nested
    class MethodsNotAllowed {
        @Test
        void aWrongMethodOnAKnownPathIs405WithAllow() throws Exception {
            HttpResponse<String> leads = send("DELETE", "/v1/leads", null);
            HttpResponse<String> settings = send("PATCH", "/v1/settings", "{}");

            problem(leads, 405);
            assertEquals("POST", leads.headers().firstValue("Allow").orElse(""));
            problem(settings, 405);
            assertEquals(List.of("GET", "PUT"), List.of(settings.headers().firstValue("Allow").orElse("")
                    .split(", ")).stream().sorted().toList());
        }

        @Test
        void anUnknownPathStays404() throws Exception {
            HttpResponse<String> unknown = send("DELETE", "/v1/nothing-here", null);
            problem(unknown, 404);
            assertTrue(unknown.headers().firstValue("Allow").isEmpty());
        }
    }

    @Nested
    class InvalidEmails {
        @Test
        void aLeadContactOrCompanyWithAnInvalidEmailIsA400NamingIt() throws Exception {
            String lead = """
                    {"pipeline": "sales", "stage": "new",
                     "contacts": [{"name": "Maria", "primary": true, "emails": ["maria.example.com"]}]}""";
            JsonNode leadProblem = problem(send("POST", "/v1/leads", lead), 400);
            JsonNode contactProblem = problem(send("POST", "/v1/contacts",
                    "{\"name\": \"Maria\", \"emails\": [\"maria@\"]}"), 400);
            JsonNode companyProblem = problem(send("POST", "/v1/companies",
                    "{\"name\": \"Acme\", \"emails\": [\"sales@localhost\"]}"), 400);

            assertTrue(leadProblem.get("detail").asText().contains("'maria.example.com'"), leadProblem.toString());
            assertTrue(contactProblem.get("detail").asText().contains("'maria@'"), contactProblem.toString());
            assertTrue(companyProblem.get("detail").asText().contains("'sales@localhost'"), companyProblem.toString());
        }
    }
}
