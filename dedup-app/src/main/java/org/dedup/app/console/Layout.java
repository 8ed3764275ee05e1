package org.dedup.app.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** The page around every console page: title, skip link, navigation, sign-out and a readable, high-contrast style. */
final class Layout {
    private static final Html STYLE = new Html("""
            <style>
            body{font:16px/1.5 system-ui,sans-serif;color:#111;background:#fff;margin:0}
            header{background:#123;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center}
            header a{color:#fff;margin-right:1rem} header form{margin-left:auto}
            main{padding:1rem;max-width:1280px}
            a{color:#0645ad} a:focus,button:focus,input:focus,select:focus{outline:3px solid #c60;outline-offset:2px}
            table{border-collapse:collapse;margin:.5rem 0} th,td{border:1px solid #555;padding:.25rem .5rem;text-align:left;vertical-align:top}
            tr.differs td{background:#fff3b0} .marker{font-weight:bold}
            .error{color:#900;font-weight:bold} .skip{position:absolute;left:-999px} .skip:focus{left:1rem;top:1rem;background:#fff;color:#000}
            button{font:inherit;padding:.25rem .75rem} input,select{font:inherit} fieldset{margin:.5rem 0}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:.25rem 0} dl.facts dd{margin:0}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:0 2rem}
            caption{text-align:left;font-weight:bold;padding:.25rem 0} label{white-space:nowrap}
            </style>""");

    private Layout() {
    }

    /** A page of a signed-in tenant: the navigation and a sign-out form carrying the session's CSRF token. */
    static Html page(String title, String csrfToken, Html content) {
        return document(title, Html.EMPTY, Optional.of(nav(csrfToken)), content);
    }

    /** A signed-in page that reloads itself every second: a job's progress, without a script. */
    static Html reloading(String title, String csrfToken, Html content) {
        return document(title, new Html("<meta http-equiv=\"refresh\" content=\"1\">"), Optional.of(nav(csrfToken)),
                content);
    }

    private static Html nav(String csrfToken) {
        return Html.of("""
                <nav aria-label="Console"><a href="/console/review">Review queue</a>
                <a href="/console/groups">Duplicate groups</a> <a href="/console/merges">Merge history</a>
                <a href="/console/decisions">Decision log</a> <a href="/console/settings">Settings</a>
                <a href="/console/rules">Rules</a> <a href="/console/model">Model</a></nav>
                <form method="post" action="/console/sign-out">%s<button type="submit">Sign out</button></form>""",
                csrf(csrfToken));
    }

    /** A page seen before signing in. */
    static Html anonymous(String title, Html content) {
        return document(title, Html.EMPTY, Optional.empty(), content);
    }

    /**
     * The link to the page after {@code page}, an API list's answer whose {@code next} is the cursor of the following
     * page (none on the last), at {@code path} with {@code ?after=}; {@code what} says what it holds.
     */
    static Html next(JsonNode page, String path, String what) {
        return page.path("next").isTextual() ? Html.of("<p><a href=\"%s?after=%s\">%s</a></p>", path,
                URLEncoder.encode(page.path("next").asText(), StandardCharsets.UTF_8), what) : Html.EMPTY;
    }

    static Html csrf(String token) {
        return Html.of("<input type=\"hidden\" name=\"%s\" value=\"%s\">", Form.CSRF, token);
    }

    private static Html document(String title, Html head, Optional<Html> nav, Html content) {
        return Html.of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%s · dedup console</title>%s%s</head>
                <body><a class="skip" href="#main">Skip to content</a>
                <header><strong>dedup console</strong>%s</header>
                <main id="main"><h1>%s</h1>
                %s
                </main></body></html>""", title, head, STYLE, nav.orElse(Html.EMPTY), title, content);
    }
}
