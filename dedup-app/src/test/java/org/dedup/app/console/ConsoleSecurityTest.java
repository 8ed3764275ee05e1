package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The console's guards over plain HTTP on PostgreSQL: the session cookie, CSRF on every form, escaping of record
 * values. (The flows themselves are driven in a browser by {@link ConsoleBrowserTest}.)
 */
class ConsoleSecurityTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static ConsoleOnPostgres console;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleOnPostgres.start("console_security");
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.url(path)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in and answers the session cookie ({@code name=value}). */
    private String signIn() throws Exception {
        HttpResponse<String> signedIn = post("/console/sign-in", null, "apiKey=" + ConsoleOnPostgres.KEY);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private String csrf(String cookie) throws Exception {
        Matcher token = CSRF.matcher(get("/console/review", cookie).body());
        assertTrue(token.find(), "the page carries a CSRF token");
        return token.group(1);
    }

    private static String form(String csrf, JsonNode item) {
        return "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&revision=" + item.get("revision");
    }

    @Nested
    class Session {
        @Test
        void theSessionCookieIsHttpOnlyAndSameSiteStrictAndHoldsNoKey() throws Exception {
            HttpResponse<String> signedIn = post("/console/sign-in", null, "apiKey=" + ConsoleOnPostgres.KEY);
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("; HttpOnly"), cookie);
            assertTrue(cookie.contains("; SameSite=Strict"), cookie);
            assertFalse(cookie.contains(ConsoleOnPostgres.KEY), cookie);
        }

        @Test
        void aWrongKeyDoesNotSignIn() throws Exception {
            HttpResponse<String> refused = post("/console/sign-in", null, "apiKey=not-a-key");
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty());
        }

        @Test
        void withoutASessionThePagesRedirectToSignIn() throws Exception {
            HttpResponse<String> page = get("/console/review", "dedup_console=made-up");
            assertEquals(303, page.statusCode());
            assertEquals("/console/sign-in", page.headers().firstValue("Location").orElseThrow());
        }

        @Test
        void aSignedOutSessionNoLongerOpensPages() throws Exception {
            String cookie = signIn();
            assertEquals(200, get("/console/review", cookie).statusCode());
            assertEquals(303, post("/console/sign-out", cookie, "csrf=" + csrf(cookie)).statusCode());
            assertEquals(303, get("/console/review", cookie).statusCode());
        }
    }

    @Nested
    class Csrf {
        @Test
        void aFormWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws Exception {
            String cookie = signIn();
            JsonNode item = console.pendingItem("Ann Lee", "Anne Lee");
            String id = item.get("id").asText();
            HttpResponse<String> missing = post("/console/review/" + id + "/dismiss", cookie,
                    "revision=" + item.get("revision"));
            HttpResponse<String> wrong = post("/console/review/" + id + "/dismiss", cookie,
                    form("not-the-token", item));
            assertEquals(403, missing.statusCode());
            assertEquals(403, wrong.statusCode());
            assertEquals("open", console.item(id).get("status").asText());
        }

        @Test
        void aSettingsFormWithoutTheSessionsTokenIsRefusedAndSavesNothing() throws Exception {
            String cookie = signIn();
            String settings = "methods=email&conflictPolicy=keep_existing&multiMatchPolicy=update_all&mergeLimit=7"
                    + "&defaultRegion=GB&emailFolding=none";
            JsonNode before = console.api("GET", "/v1/settings", null);

            assertEquals(403, post("/console/settings/save", cookie, settings).statusCode());
            assertEquals(403, post("/console/settings/dry-run", cookie, settings + "&csrf=not-the-token")
                    .statusCode());
            assertEquals(before, console.api("GET", "/v1/settings", null));
            assertEquals(303, post("/console/settings/save", cookie, settings + "&csrf="
                    + URLEncoder.encode(csrf(cookie), StandardCharsets.UTF_8)).statusCode());
            assertEquals(7, console.api("GET", "/v1/settings", null).get("mergeLimit").asInt());
            console.api("PUT", "/v1/settings", before.toString());
        }

        @Test
        void anotherSessionsTokenIsRefused() throws Exception {
            String mine = signIn();
            String theirs = csrf(signIn());
            JsonNode item = console.pendingItem("Bo Chan", "Bo Chang");
            assertEquals(403, post("/console/review/" + item.get("id").asText() + "/dismiss", mine,
                    form(theirs, item)).statusCode());
        }

        @Test
        void aFormWithTheSessionsTokenActs() throws Exception {
            String cookie = signIn();
            JsonNode item = console.pendingItem("Cy Diaz", "Cy Dias");
            String id = item.get("id").asText();
            assertEquals(303, post("/console/review/" + id + "/dismiss", cookie, form(csrf(cookie), item))
                    .statusCode());
            assertEquals("dismissed", console.item(id).get("status").asText());
        }
    }

    @Nested
    class Escaping {
        @Test
        void aLeadNamedScriptIsShownAsText() throws Exception {
            String cookie = signIn();
            JsonNode item = console.pendingItem("<script>alert('x')</script>", "Dee \"Quote\" & Co");
            String page = get("/console/review/" + item.get("id").asText(), cookie).body();
            assertFalse(page.contains("<script>alert"), "a record value is never markup");
            assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
            assertTrue(page.contains("Dee &quot;Quote&quot; &amp; Co"), page);
        }
    }
}
