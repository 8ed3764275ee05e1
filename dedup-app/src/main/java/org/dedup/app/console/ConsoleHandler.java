package org.dedup.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The console under {@code /console}: HTML pages over dedup's JSON API. This class is the glue to the HTTP server
 * only: it reads the session cookie, refuses a POST whose CSRF token is not the session's (403), and writes what the
 * controllers answer. It calls the API of the server it runs in, at the local address the browser's request came
 * in on (never an address a request names, such as its Host header).
 */
public final class ConsoleHandler implements Handler {
    public static final String PATH = "/console";
    static final String COOKIE = "dedup_console";
    private static final Pattern ITEM = Pattern.compile(
            "/console/review/([0-9a-fA-F-]{36})(?:/(preview|merge|not-duplicate|dismiss))?");
    private static final Pattern UNDO = Pattern.compile("/console/merges/([0-9a-fA-F-]{36})/undo");
    private static final Pattern SCAN = Pattern.compile("/console/groups/scans/([0-9a-fA-F-]{36})");
    private static final int MAX_FORM_BYTES = 65_536;
    private final ConsoleSessions sessions;
    private final ApiClient client = new ApiClient();

    ConsoleHandler(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    /** The console, sessions expiring after 30 idle minutes. */
    public static ConsoleHandler over(Clock clock) {
        return new ConsoleHandler(new ConsoleSessions(clock, Duration.ofMinutes(30)));
    }

    /** Serves the console's pages (GET) and forms (POST) under {@link #PATH}. */
    public void addTo(RoutesConfig routes) {
        for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST}) {
            routes.addHttpHandler(method, PATH, this);
            routes.addHttpHandler(method, PATH + "/*", this);
        }
    }

    @Override
    public void handle(Context ctx) {
        ApiClient api = client.at(localApi(ctx));
        write(ctx, answer(ctx, api));
    }

    private static URI localApi(Context ctx) {
        String address = ctx.req().getLocalAddr();
        String host = address.contains(":") ? "[" + address + "]" : address;
        return URI.create("http://" + host + ":" + ctx.req().getLocalPort());
    }

    private Reply answer(Context ctx, ApiClient api) {
        String method = ctx.req().getMethod();
        String path = ctx.path();
        if (path.equals("/console/sign-in")) {
            return method.equals("POST") ? signIn(ctx, api, form(ctx)) : Reply.ok(SignInPage.render(
                    Optional.empty()));
        }
        Optional<ConsoleSessions.Session> session = CookieHeader.value(ctx.header("Cookie"), COOKIE)
                .flatMap(sessions::find);
        if (session.isEmpty()) {
            return method.equals("GET") ? new Reply.Redirect("/console/sign-in")
                    : forbidden("You are not signed in, or your session expired. Sign in again.");
        }
        if (method.equals("POST")) {
            Form form = form(ctx);
            if (!sameToken(session.get().csrfToken(), form.value(Form.CSRF))) {
                return forbidden("The form is missing its security token or it is not this session's.");
            }
            return post(ctx, api, session.get(), path, form);
        }
        return get(api, session.get(), path, ctx.queryString());
    }

    private static Reply get(ApiClient api, ConsoleSessions.Session session, String path, String rawQuery) {
        ReviewController review = new ReviewController(api);
        AuditController audit = new AuditController(api);
        if (path.equals(PATH) || path.equals(PATH + "/") || path.equals("/console/review")) {
            return review.list(session, rawQuery);
        }
        if (path.equals(MergeHistoryPage.PATH)) {
            return audit.merges(session, rawQuery);
        }
        if (path.equals("/console/settings")) {
            return new SettingsController(api).page(session);
        }
        if (path.equals("/console/decisions")) {
            return audit.decisions(session, rawQuery);
        }
        if (path.equals(RulesController.PATH)) {
            return new RulesController(api).page(session);
        }
        if (path.equals("/console/model")) {
            return new ModelController(api).page(session);
        }
        if (path.equals(GroupsController.PATH)) {
            return new GroupsController(api).page(session);
        }
        Matcher scan = SCAN.matcher(path);
        if (scan.matches()) {
            return new GroupsController(api).scan(session, scan.group(1));
        }
        Matcher item = ITEM.matcher(path);
        if (item.matches() && item.group(2) == null) {
            return review.item(session, item.group(1), Optional.empty());
        }
        return notFound();
    }

    private Reply post(Context ctx, ApiClient api, ConsoleSessions.Session session, String path, Form form) {
        if (path.equals("/console/sign-out")) {
            sessions.close(session.id());
            ctx.res().addHeader("Set-Cookie", cookie("", Duration.ZERO));
            return new Reply.Redirect("/console/sign-in");
        }
        SettingsController settings = new SettingsController(api);
        if (path.equals("/console/settings/dry-run")) {
            return settings.dryRun(session, form);
        }
        if (path.equals("/console/settings/save")) {
            return settings.save(session, form);
        }
        RulesController rules = new RulesController(api);
        if (path.equals("/console/rules/dry-run")) {
            return rules.dryRun(session, form);
        }
        if (path.equals("/console/rules/save")) {
            return rules.save(session, form);
        }
        GroupsController groups = new GroupsController(api);
        if (path.equals("/console/groups/scan")) {
            return groups.runNow(session, form);
        }
        if (path.equals("/console/groups/schedule")) {
            return groups.saveSchedule(session, form);
        }
        if (path.equals("/console/groups/schedule/remove")) {
            return groups.removeSchedule(session);
        }
        Matcher undo = UNDO.matcher(path);
        if (undo.matches()) {
            return new AuditController(api).undo(session, undo.group(1));
        }
        Matcher item = ITEM.matcher(path);
        if (!item.matches() || item.group(2) == null) {
            return notFound();
        }
        ReviewController review = new ReviewController(api);
        return switch (item.group(2)) {
            case "preview" -> review.preview(session, item.group(1), form);
            case "merge" -> review.merge(session, item.group(1), form);
            default -> review.act(session, item.group(1), item.group(2), form);
        };
    }

    /** A key the API accepts opens a session; the key itself never goes back to the browser. */
    private Reply signIn(Context ctx, ApiClient api, Form form) {
        String key = form.value("apiKey").strip();
        if (key.isEmpty() || !api.get(key, "/v1/review?limit=1").ok()) {
            return new Reply.Page(401, SignInPage.render(Optional.of("That API key is not valid.")));
        }
        ConsoleSessions.Session session = sessions.open(key);
        ctx.res().addHeader("Set-Cookie", cookie(session.id(), sessions.lifetime()));
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

    private static Form form(Context ctx) {
        try (var in = ctx.bodyInputStream()) {
            return Form.parse(new String(in.readNBytes(MAX_FORM_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the form could not be read", e);
        }
    }

    private static void write(Context ctx, Reply reply) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        switch (reply) {
            case Reply.Redirect redirect -> {
                ctx.header("Location", redirect.location());
                ctx.status(303);
            }
            case Reply.Page page -> ctx.status(page.status()).contentType("text/html; charset=utf-8")
                    .result(page.html().markup());
        }
    }
}
