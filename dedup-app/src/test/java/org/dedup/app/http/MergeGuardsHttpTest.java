package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What keeps one request from corrupting a tenant's leads or failing another's, over HTTP on PostgreSQL. */
class MergeGuardsHttpTest {
    private static final String ACME_KEY = "acme-key-0123456789";
    private static final String GLOBEX_KEY = "globex-key-0123456789";
    private static final String INITECH_KEY = "initech-key-0123456789";
    private static ServerOnPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("guards", 4_000_000, List.of(
                new TenantConfig("acme", ACME_KEY, List.of("email", "phone"), "GB", null, null, null),
                new TenantConfig("globex", GLOBEX_KEY, List.of("email", "phone"), "GB", null, null, null),
                new TenantConfig("initech", INITECH_KEY, List.of("phone"), "GB", null, null, null)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> postLead(String apiKey, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = server.request("/v1/leads").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("X-Api-Key", apiKey);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return server.send(request);
    }

    private static String lead(String email) {
        return """
                {"pipeline": "sales", "stage": "incoming", "source": "web_form",
                 "contacts": [{"name": "Maria Lopez", "primary": true, "emails": ["%s"]}]}
                """.formatted(email);
    }

    private static long leads(String tenant) {
        return server.app.get(LeadRepository.class).count(new TenantId(tenant));
    }

    private static String leadWith(String emails, String phones) {
        return """
                {"pipeline": "sales", "stage": "incoming", "source": "web_form",
                 "contacts": [{"name": "Trap", "primary": true, "emails": [%s], "phones": [%s]}]}
                """.formatted(emails, phones);
    }

    @Nested
    class Limits {
        @Test
        void fifteenThousandEmailsInOneArrivalGet400NamingTheLimitWhileAnotherTenantsArrivalSucceeds()
                throws Exception {
            String emails = IntStream.range(0, 15_000).mapToObj(i -> "\"p" + i + "@flood.io\"")
                    .collect(Collectors.joining(","));
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<HttpResponse<String>> big = senders.submit(() -> postLead(ACME_KEY, null, leadWith(emails, "")));
                Future<HttpResponse<String>> other = senders.submit(() -> postLead(GLOBEX_KEY, null,
                        lead("neighbour@x.io")));

                assertEquals(400, big.get().statusCode(), big.get().body());
                assertTrue(big.get().body().contains("15000 emails on one contact, more than the limit of 10 "
                        + "(limits.emailsPerContact)"), big.get().body());
                assertEquals(200, other.get().statusCode(), other.get().body());
            }
        }

        @Test
        void aTrapLeadWithTwoThousandPhonesIsRefusedAndThreeLaterLeadsStayTheirOwn() throws Exception {
            String phones = IntStream.range(0, 2_000).mapToObj(i -> "{\"type\": \"mobile\", \"number\": \"+44 20 7"
                    + String.format("%03d %04d", i / 1000, 1000 + i % 1000) + "\"}").collect(Collectors.joining(","));
            long before = leads("acme");

            HttpResponse<String> trap = postLead(ACME_KEY, null, leadWith("\"trap@x.io\"", phones));

            assertEquals(400, trap.statusCode(), trap.body());
            assertTrue(trap.body().contains("limits.phonesPerContact"), trap.body());
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> later = postLead(ACME_KEY, null, leadWith("\"later" + i + "@x.io\"",
                        "{\"type\": \"mobile\", \"number\": \"+44 20 7000 " + (1000 + 7 * i) + "\"}"));
                assertTrue(later.body().contains("\"outcome\":\"created\""), later.body());
            }
            assertEquals(before + 3, leads("acme"));
        }
    }

    @Nested
    class GenericKeys {
        @Test
        void anEmailSharedByMoreThanTwentyStoredLeadsIsNotAMergeGroundOnItsOwn() throws Exception {
            for (int i = 0; i < 21; i++) {
                assertEquals(200, postLead(INITECH_KEY, null, lead("info@initech.com")).statusCode());
            }
            assertEquals(21, leads("initech"), "not matched by email while only the phone method is on");
            HttpResponse<String> settings = server.send(server.request("/v1/settings").header("X-Api-Key", INITECH_KEY)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"methods\": [\"email\"], \"mergeLimit\": 50}")));
            assertEquals(200, settings.statusCode(), settings.body());
            server.app.startBackgroundWork();
            server.indexedAtLast(INITECH_KEY, "email");

            HttpResponse<String> next = postLead(INITECH_KEY, null, lead("info@initech.com"));

            assertEquals(200, next.statusCode(), next.body());
            assertTrue(next.body().contains("\"outcome\":\"pending_review\""), next.body());
            assertTrue(next.body().contains("generic key, shared by more than 20 stored leads"), next.body());
            assertEquals(22, leads("initech"));
            JsonNode generic = new ObjectMapper().readTree(server.send(server.request("/v1/generic-keys")
                    .header("X-Api-Key", INITECH_KEY).GET()).body()).get("keys");
            boolean listed = false;
            for (JsonNode key : generic) {
                listed |= key.get("value").asText().equals("info@initech.com") && key.get("leads").asInt() == 22;
            }
            assertTrue(listed, generic.toString());
        }
    }

    @Nested
    class IdempotencyKeys {
        @Test
        void aKeyReusedWithADifferentBodyGets422NamingTheKey() throws Exception {
            assertEquals(200, postLead(ACME_KEY, "reused-1", lead("first@x.io")).statusCode());
            long before = leads("acme");

            HttpResponse<String> other = postLead(ACME_KEY, "reused-1", lead("second@x.io"));

            assertEquals(422, other.statusCode(), other.body());
            assertTrue(other.body().contains("Idempotency-Key 'reused-1'"), other.body());
            assertEquals(before, leads("acme"));
        }

        @Test
        void theSameBodyWithItsMembersReorderedUnderTheSameKeyReplaysTheFirstDecision() throws Exception {
            HttpResponse<String> first = postLead(ACME_KEY, "replayed-1", lead("replay@x.io"));
            long before = leads("acme");

            HttpResponse<String> retry = postLead(ACME_KEY, "replayed-1", """
                    {"source": "web_form", "stage": "incoming",
                       "contacts": [{"emails": ["replay@x.io"], "primary": true, "name": "Maria Lopez"}],
                     "pipeline": "sales"}""");

            assertEquals(200, retry.statusCode(), retry.body());
            assertEquals(first.body(), retry.body());
            assertEquals(before, leads("acme"));
        }

        @Test
        void thirtyTwoDifferentPeopleSentWithOneKeyAreNotSilentlyOneLead() throws Exception {
            long before = leads("globex");
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    String body = lead("person" + i + "@x.io");
                    sent.add(senders.submit(() -> postLead(GLOBEX_KEY, "one-key-for-all", body)));
                }
                for (Future<HttpResponse<String>> response : sent) {
                    statuses.add(response.get().statusCode());
                }
            }

            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(31, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
            assertEquals(before + 1, leads("globex"));
        }
    }
}
