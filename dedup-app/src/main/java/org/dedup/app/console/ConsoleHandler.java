package org.dedup.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console under {@code /console}: HTML pages over dedup's JSON API. This class is the glue to the JDK's HTTP
 * server only: it reads the session cookie, refuses a POST whose CSRF token is not the session's (403), and writes
 * what the controllers answer.
 */
public final class ConsoleHandler implements HttpHandler {
    public static final String PATH = "/console";
    static final String COOKIE = "dedup_console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
    private static final Pattern ITEM = Pattern.compile(
            "/console/review/([0-9a-fA-F-]{36})(?:/(preview|merge|not-duplicate|dismiss))?");
    private static final Pattern UNDO = Pattern.compile("/console/merges/([0-9a-fA-F-]{36})/undo");
    private static final int MAX_FORM_BYTES = 65_536;
    private final ConsoleSessions sessions;
    private final ApiClient api;
    private final ReviewController review;
    private final AuditController audit;
    private final SettingsController settings;

    ConsoleHandler(URI api, ConsoleSessions sessions) {
        this.sessions = sessions;
        this.api = new ApiClient(api);
        this.review = new ReviewController(this.api);
        this.audit = new AuditController(this.api);
        this.settings = new SettingsController(this.api);
    }

    /** The console over the API at {@code api} (this server's own address), sessions expiring after 30 idle minutes. */
    public static ConsoleHandler over(URI api, Clock clock) {
        return new ConsoleHandler(api, new ConsoleSessions(clock, Duration.ofMinutes(30)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            write(exchange, answer(exchange));
        } catch (RuntimeException e) {
            LOG.error("the console failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/console/sign-in")) {
            return method.equals("POST") ? signIn(exchange, form(exchange)) : Reply.ok(SignInPage.render(
                    Optional.empty()));
        }
        Optional<ConsoleSessions.Session> session = CookieHeader.value(exchange.getRequestHeaders()
                .getFirst("Cookie"), COOKIE).flatMap(sessions::find);
        if (session.isEmpty()) {
            return method.equals("GET") ? new Reply.Redirect("/console/sign-in")
                    : forbidden("You are not signed in, or your session expired. Sign in again.");
        }
        if (method.equals("POST")) {
            Form form = form(exchange);
            if (!sameToken(session.get().csrfToken(), form.value(Form.CSRF))) {
                return forbidden("The form is missing its security token or it is not this session's.");
            }
            return post(exchange, session.get(), path, form);
        }
        return get(session.get(), path, exchange.getRequestURI().getRawQuery());
    }

    private Reply get(ConsoleSessions.Session session, String path, String rawQuery) {
        if (path.equals(PATH) || path.equals(PATH + "/") || path.equals("/console/review")) {
            return review.list(session);
        }
        if (path.equals("/console/merges")) {
            return audit.merges(session);
        }
        if (path.equals("/console/settings")) {
            return settings.page(session);
        }
        if (path.equals("/console/decisions")) {
            return audit.decisions(session, rawQuery);
        }
        Matcher item = ITEM.matcher(path);
        if (item.matches() && item.group(2) == null) {
            return review.item(session, item.group(1), Optional.empty());
        }
        return notFound();
    }

    private Reply post(HttpExchange exchange, ConsoleSessions.Session session, String path, Form form) {
        if (path.equals("/console/sign-out")) {
            sessions.close(session.id());
            exchange.getResponseHeaders().add("Set-Cookie", cookie("", Duration.ZERO));
            return new Reply.Redirect("/console/sign-in");
        }
        if (path.equals("/console/settings/dry-run")) {
            return settings.dryRun(session, form);
        }
        if (path.equals("/console/settings/save")) {
            return settings.save(session, form);
        }
        Matcher undo = UNDO.matcher(path);
        if (undo.matches()) {
            return audit.undo(session, undo.group(1));
        }
        Matcher item = ITEM.matcher(path);
        if (!item.matches() || item.group(2) == null) {
            return notFound();
        }
        return switch (item.group(2)) {
            case "preview" -> review.preview(session, item.group(1), form);
            case "merge" -> review.merge(session, item.group(1), form);
            default -> review.act(session, item.group(1), item.group(2), form);
        };
    }

    /** A key the API accepts opens a session; the key itself never goes back to the browser. */
    private Reply signIn(HttpExchange exchange, Form form) {
        String key = form.value("apiKey").strip();
        if (key.isEmpty() || !api.get(key, "/v1/review?limit=1").ok()) {
            return new Reply.Page(401, SignInPage.render(Optional.of("That API key is not valid.")));
        }
        ConsoleSessions.Session session = sessions.open(key);
        exchange.getResponseHeaders().add("Set-Cookie", cookie(session.id(), sessions.lifetime()));
        return new Reply.Redirect("/console/review");
    }

    private static String cookie(String value, Duration maxAge) {
        return COOKIE + "=" + value + "; Path=" + PATH + "; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Strict";
    }

    private static boolean sameToken(String expected, String sent) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply forbidden(String why) {
        return new Reply.Page(403, Layout.anonymous("Forbidden", Html.of(
                "<p class=\"error\" role=\"alert\">%s</p><p><a href=\"/console/sign-in\">Sign in</a></p>", why)));
    }

    private static Reply notFound() {
        return new Reply.Page(404, Layout.anonymous("Not found", Html.of(
                "<p>No such console page. <a href=\"/console/review\">Review queue</a></p>")));
    }

    private static Form form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES);
            return Form.parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        switch (reply) {
            case Reply.Redirect redirect -> {
                headers.set("Location", redirect.location());
                exchange.sendResponseHeaders(303, -1);
            }
            case Reply.Page page -> {
                byte[] bytes = page.html().markup().getBytes(StandardCharsets.UTF_8);
                headers.set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(page.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
