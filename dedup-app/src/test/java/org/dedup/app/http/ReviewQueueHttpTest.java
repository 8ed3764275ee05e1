package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.LimitsConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The review queue over HTTP on PostgreSQL: each source opens items, each action resolves one and takes it off the
 * open queue, an item is never acted on stale, pages follow a cursor, bad input is a 4xx naming it.
 */
class ReviewQueueHttpTest {
    /** Pending review: two leads share an email stored while only phones were compared; a key of two is generic. */
    private static final String PENDING = "pending-key-0123456789";
    /** Too many matches: a merge limit of one. */
    private static final String OVER = "over-key-0123456789";
    /** Bulk search: contacts sharing an email, grouped by the preconfigured rule "Contact: email". */
    private static final String BULK = "bulk-key-0123456789";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("review", List.of(
                        new TenantConfig("pending", PENDING, List.of("phone"), "GB", null, null, null),
                        new TenantConfig("over", OVER, List.of("email", "phone"), "GB", null, null, 1),
                        new TenantConfig("bulk", BULK, List.of("email"), "GB", null, null, null)),
                config -> config.withLimits(new LimitsConfig(null, null, null, null, null, null, 1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String key, String body, String... headers)
            throws Exception {
        return server.send(method, path, key, body, headers);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private static String lead(String email, String phone) {
        return """
                {"pipeline": "sales", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Maria Lopez", "primary": true, "emails": [%s], "phones": [%s]}]}"""
                .formatted(email == null ? "" : "\"" + email + "\"",
                        phone == null ? "" : "{\"type\": \"mobile\", \"number\": \"" + phone + "\"}");
    }

    private String addLead(String key, String email, String phone) throws Exception {
        return ok(send("POST", "/v1/leads", key, lead(email, phone))).get("lead").asText();
    }

    private static String phone(int i) {
        return "+44 20 7946 " + String.format("%04d", i);
    }

    private static final AtomicInteger PHONES = new AtomicInteger(1000);

    /** A lead whose email two stored leads share: pending review with those two as candidates. */
    private String pendingItemLead() throws Exception {
        String email = "shared-" + UUID.randomUUID() + "@x.io";
        methods(PENDING, "phone");
        addLead(PENDING, email, phone(PHONES.getAndIncrement()));
        addLead(PENDING, email, phone(PHONES.getAndIncrement()));
        methods(PENDING, "email");
        server.app.startBackgroundWork();
        server.indexedAtLast(PENDING, "email");
        JsonNode decision = ok(send("POST", "/v1/leads", PENDING, lead(email, null)));
        assertEquals("pending_review", decision.get("outcome").asText(), decision.toString());
        return decision.get("lead").asText();
    }

    private void methods(String key, String method) throws Exception {
        ok(send("PUT", "/v1/settings", key, "{\"methods\": [\"" + method + "\"]}"));
    }

    /** A lead matching two stored leads (one by email, one by phone) over the merge limit of one. */
    private String tooManyItemLead() throws Exception {
        String email = "over-" + UUID.randomUUID() + "@x.io";
        String phone = phone(PHONES.getAndIncrement());
        addLead(OVER, email, null);
        addLead(OVER, null, phone);
        JsonNode decision = ok(send("POST", "/v1/leads", OVER, lead(email, phone)));
        assertEquals("skipped_too_many_matches", decision.get("outcome").asText(), decision.toString());
        return decision.get("lead").asText();
    }

    /** Two contacts sharing an email, then a bulk search: its group is a review item once the queue is read. */
    private List<String> bulkGroup() throws Exception {
        String email = "c-" + UUID.randomUUID() + "@x.io";
        List<String> contacts = new ArrayList<>();
        for (String name : List.of("Ann Lee", "Anne Lee")) {
            contacts.add(ok(send("POST", "/v1/contacts", BULK, """
                    {"name": "%s", "emails": ["%s"]}""".formatted(name, email))).get("id").asText());
        }
        server.app.get(DuplicateSearch.class).scan(new TenantId("bulk"));
        return contacts;
    }

    private List<JsonNode> queue(String key, String query) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        ok(send("GET", "/v1/review?limit=500" + query, key, null)).get("items").forEach(items::add);
        return items;
    }

    /** The open item one of whose records is {@code record}. */
    private JsonNode itemWith(String key, String record) throws Exception {
        return queue(key, "").stream().filter(i -> i.get("records").toString().contains(record)).findFirst()
                .orElseThrow(() -> new AssertionError("no open item holds " + record));
    }

    private boolean openItemHolds(String key, String record) throws Exception {
        return queue(key, "").stream().anyMatch(i -> i.get("records").toString().contains(record));
    }

    @Nested
    class Sources {
        @Test
        void aPendingReviewDecisionOpensAnItemWithItsLeadsAndEachCandidatePairExplained() throws Exception {
            String lead = pendingItemLead();

            JsonNode item = itemWith(PENDING, lead);

            assertEquals("pending_review", item.get("source").asText());
            assertEquals("open", item.get("status").asText());
            assertEquals(3, item.get("records").size(), item.toString());
            assertEquals(lead, item.get("records").get(0).get("id").asText());
            assertEquals(lead, item.get("records").get(0).get("record").get("id").get("value").asText(),
                    "the stored lead");
            assertEquals(2, item.get("pairs").size());
            JsonNode match = item.get("pairs").get(0).get("match");
            assertEquals("email", match.get("method").asText(), item.toString());
            assertTrue(match.get("explanation").toString().contains("generic key"), item.toString());
        }

        @Test
        void aTooManyMatchesDecisionOpensAnItem() throws Exception {
            String lead = tooManyItemLead();

            JsonNode item = itemWith(OVER, lead);

            assertEquals("too_many_matches", item.get("source").asText());
            assertEquals(3, item.get("records").size(), item.toString());
            assertEquals(Set.of("email", "phone"), Set.of(item.get("pairs").get(0).get("match").get("method")
                    .asText(), item.get("pairs").get(1).get("match").get("method").asText()));
        }

        @Test
        void aBulkSearchGroupOpensAnItemWithTheRuleThatGroupedIt() throws Exception {
            List<String> contacts = bulkGroup();

            JsonNode item = itemWith(BULK, contacts.getFirst());

            assertEquals("bulk_search", item.get("source").asText());
            assertEquals(Set.of(contacts.get(0), contacts.get(1)), Set.of(item.get("records").get(0).get("id")
                    .asText(), item.get("records").get(1).get("id").asText()));
            assertEquals("duplicate_rule", item.get("pairs").get(0).get("match").get("method").asText());
            assertTrue(item.get("pairs").get(0).get("match").get("explanation").toString().contains("email"));
        }

        @Test
        void theSourceFilterListsOneSourceOnly() throws Exception {
            tooManyItemLead();

            List<JsonNode> pending = queue(OVER, "&source=pending_review");

            assertEquals(List.of(), pending);
            assertFalse(queue(OVER, "&source=too_many_matches").isEmpty());
        }
    }

    @Nested
    class Actions {
        @Test
        void mergingAnItemMergesItsLeadsNamesWhoDidItAndTakesItOffTheOpenQueue() throws Exception {
            String lead = pendingItemLead();
            JsonNode item = itemWith(PENDING, lead);
            String other = item.get("records").get(1).get("id").asText();

            JsonNode merged = ok(send("POST", "/v1/review/" + item.get("id").asText() + "/merge", PENDING,
                    "{\"rule\": \"oldest\"}", "Dedup-Actor", "maria@acme"));

            assertEquals("merged", merged.get("status").asText());
            assertEquals("maria@acme", merged.get("resolvedBy").asText());
            assertTrue(merged.get("detail").asText().startsWith("merge "), merged.toString());
            assertEquals(404, send("GET", "/v1/leads/" + other, PENDING, null).statusCode(), "absorbed");
            assertFalse(openItemHolds(PENDING, lead));
            assertEquals("merged", queue(PENDING, "&status=merged").stream()
                    .filter(i -> i.get("id").equals(item.get("id"))).findFirst().orElseThrow()
                    .get("status").asText());
        }

        @Test
        void markingAnItemNotADuplicateMarksEachPairAndTakesItOffTheOpenQueue() throws Exception {
            String lead = tooManyItemLead();
            JsonNode item = itemWith(OVER, lead);

            JsonNode resolved = ok(send("POST", "/v1/review/" + item.get("id").asText() + "/not-duplicate", OVER,
                    null));

            assertEquals("not_duplicate", resolved.get("status").asText());
            assertEquals("api-key:over", resolved.get("resolvedBy").asText(), "the API key's name by default");
            String marks = ok(send("GET", "/v1/not-duplicates?limit=1000", OVER, null)).toString();
            for (JsonNode record : item.get("records")) {
                assertTrue(marks.contains(record.get("id").asText()), marks);
            }
            assertFalse(openItemHolds(OVER, lead));
        }

        @Test
        void dismissingAnItemChangesNothingTakesItOffTheOpenQueueAndALaterScanDoesNotReopenIt() throws Exception {
            List<String> contacts = bulkGroup();
            JsonNode item = itemWith(BULK, contacts.getFirst());

            JsonNode dismissed = ok(send("POST", "/v1/review/" + item.get("id").asText() + "/dismiss", BULK, null));
            server.app.get(DuplicateSearch.class).scan(new TenantId("bulk"));

            assertEquals("dismissed", dismissed.get("status").asText());
            assertFalse(openItemHolds(BULK, contacts.getFirst()));
            assertEquals(200, send("GET", "/v1/contacts/" + contacts.get(1), BULK, null).statusCode());
        }

        @Test
        void mergingABulkSearchItemMergesItsContacts() throws Exception {
            List<String> contacts = bulkGroup();
            JsonNode item = itemWith(BULK, contacts.getFirst());
            String survivor = item.get("records").get(0).get("id").asText();
            String absorbed = item.get("records").get(1).get("id").asText();

            ok(send("POST", "/v1/review/" + item.get("id").asText() + "/merge", BULK, "{}"));

            assertEquals(404, send("GET", "/v1/contacts/" + absorbed, BULK, null).statusCode());
            assertEquals(200, send("GET", "/v1/contacts/" + survivor, BULK, null).statusCode());
            assertFalse(openItemHolds(BULK, survivor));
        }

        @Test
        void anItemActedOnTwiceIsA409TheSecondTime() throws Exception {
            JsonNode item = itemWith(OVER, tooManyItemLead());
            ok(send("POST", "/v1/review/" + item.get("id").asText() + "/dismiss", OVER, null));

            HttpResponse<String> again = send("POST", "/v1/review/" + item.get("id").asText() + "/merge", OVER, "{}");

            assertEquals(409, again.statusCode(), again.body());
            assertTrue(again.body().contains("is dismissed"), again.body());
        }
    }

    @Nested
    class Stale {
        @Test
        void anActionUnderTheRevisionSeenBeforeTheLeadChangedIsRefusedWith412NamingTheLeadAndMergesOnceReadAgain()
                throws Exception {
            String lead = tooManyItemLead();
            JsonNode item = itemWith(OVER, lead);
            String id = item.get("id").asText();
            String changed = item.get("records").get(1).get("id").asText();
            ok(send("PUT", "/v1/leads/" + changed, OVER, lead("changed-" + UUID.randomUUID() + "@x.io", null)));

            HttpResponse<String> stale = send("POST", "/v1/review/" + id + "/merge", OVER, "{}",
                    "If-Match", item.get("revision").asText());

            assertEquals(412, stale.statusCode(), stale.body());
            assertTrue(stale.body().contains(changed), stale.body());
            assertEquals(200, send("GET", "/v1/leads/" + changed, OVER, null).statusCode(), "nothing merged");
            JsonNode reread = ok(send("GET", "/v1/review/" + id, OVER, null));
            assertEquals(item.get("revision").asLong() + 1, reread.get("revision").asLong());
            HttpResponse<String> oldRevision = send("POST", "/v1/review/" + id + "/merge", OVER, "{}",
                    "If-Match", item.get("revision").asText());
            assertEquals(412, oldRevision.statusCode(), oldRevision.body());
            assertEquals("merged", ok(send("POST", "/v1/review/" + id + "/merge", OVER, "{}",
                    "If-Match", reread.get("revision").asText())).get("status").asText());
        }

        @Test
        void anItemWhoseLeadWasMergedElsewhereIsClosedAndNotActedOn() throws Exception {
            String lead = tooManyItemLead();
            JsonNode item = itemWith(OVER, lead);
            String first = item.get("records").get(1).get("id").asText();
            String second = item.get("records").get(2).get("id").asText();
            ok(send("POST", "/v1/merges", OVER, "{\"leads\": [\"" + first + "\", \"" + second + "\"], "
                    + "\"survivor\": \"" + first + "\"}"));

            HttpResponse<String> dismiss = send("POST", "/v1/review/" + item.get("id").asText() + "/dismiss", OVER,
                    null);

            assertEquals(409, dismiss.statusCode(), dismiss.body());
            assertTrue(dismiss.body().contains(second) && dismiss.body().contains("merged or deleted elsewhere"),
                    dismiss.body());
            JsonNode closed = ok(send("GET", "/v1/review/" + item.get("id").asText(), OVER, null));
            assertEquals("closed", closed.get("status").asText());
            assertFalse(openItemHolds(OVER, lead));
        }
    }

    @Nested
    class Pages {
        @Test
        void pagesHaveNoItemTwiceAndNoneSkippedWhenItemsAreOpenedBetweenThem() throws Exception {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                tooManyItemLead();
            }
            queue(OVER, "").forEach(i -> expected.add(i.get("id").asText()));
            List<String> read = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                String cursor = next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
                JsonNode page = ok(send("GET", "/v1/review?limit=2" + cursor, OVER, null));
                page.get("items").forEach(i -> read.add(i.get("id").asText()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
                if (pages++ == 0) {
                    tooManyItemLead();
                }
            } while (next != null);

            assertEquals(read.size(), new HashSet<>(read).size(), "no item twice: " + read);
            assertTrue(read.containsAll(expected), "none skipped");
            assertEquals(expected.size() + 1, read.size(), "the item opened between pages comes last");
        }
    }

    @Nested
    class Groups {
        @Test
        void groupsComeAPageAtATimeEachOnce() throws Exception {
            for (int i = 0; i < 3; i++) {
                bulkGroup();
            }
            Set<String> all = new HashSet<>();
            ok(send("GET", "/v1/groups?limit=1000", BULK, null)).get("groups").forEach(g -> all.add(g.get("id")
                    .asText()));
            List<String> read = new ArrayList<>();
            String next = null;
            do {
                String cursor = next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
                JsonNode page = ok(send("GET", "/v1/groups?limit=2" + cursor, BULK, null));
                assertTrue(page.get("groups").size() <= 2);
                page.get("groups").forEach(g -> read.add(g.get("id").asText()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
            } while (next != null);

            assertTrue(all.size() >= 3, all.toString());
            assertEquals(all.size(), read.size(), "no group twice");
            assertEquals(all, new HashSet<>(read));
        }

        @Test
        void aGroupsLimitTooLargeIsA400() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/groups?limit=1001", BULK, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'limit'"), response.body());
        }
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownItemIsA404NamingIt() throws Exception {
            String id = UUID.randomUUID().toString();

            HttpResponse<String> response = send("GET", "/v1/review/" + id, OVER, null);

            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.body().contains("review item " + id), response.body());
        }

        @Test
        void anotherTenantsItemIsA404AndIsNotActedOn() throws Exception {
            JsonNode item = itemWith(OVER, tooManyItemLead());

            HttpResponse<String> response = send("POST", "/v1/review/" + item.get("id").asText() + "/dismiss",
                    BULK, null);

            assertEquals(404, response.statusCode(), response.body());
            assertTrue(openItemHolds(OVER, item.get("records").get(0).get("id").asText()));
        }

        @Test
        void aMalformedCursorIsA400NamingIt() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/review?after=not-a-cursor", OVER, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'after'"), response.body());
        }

        @Test
        void aLimitTooLargeIsA400NamingTheMaximum() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/review?limit=501", OVER, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'limit'") && response.body().contains("500"), response.body());
        }

        @Test
        void anUnknownStatusIsA400NamingIt() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/review?status=pending", OVER, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'pending'"), response.body());
        }

        @Test
        void anUnknownRuleOnAReviewMergeIsA400NamingItAndTheItemStaysOpen() throws Exception {
            String lead = tooManyItemLead();
            JsonNode item = itemWith(OVER, lead);

            HttpResponse<String> response = send("POST", "/v1/review/" + item.get("id").asText() + "/merge", OVER,
                    "{\"rule\": \"loudest\"}");

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'loudest'"), response.body());
            assertTrue(openItemHolds(OVER, lead));
        }

        @Test
        void aBlankActorIsA400NamingTheHeader() throws Exception {
            JsonNode item = itemWith(OVER, tooManyItemLead());

            HttpResponse<String> response = send("POST", "/v1/review/" + item.get("id").asText() + "/dismiss", OVER,
                    null, "Dedup-Actor", " ");

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("Dedup-Actor"), response.body());
        }
    }
}
