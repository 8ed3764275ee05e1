package org.dedup.app.console;

import java.util.Optional;

/** The sign-in form: the tenant's API key, which the server keeps in the session and never sends back. */
final class SignInPage {
    private SignInPage() {
    }

    static Html render(Optional<String> error) {
        Html message = error.map(e -> Html.of("<p class=\"error\" role=\"alert\">%s</p>", e)).orElse(Html.EMPTY);
        return Layout.anonymous("Sign in", Html.of("""
                %s
                <form method="post" action="/console/sign-in">
                <label for="api-key">Tenant API key</label>
                <input id="api-key" name="apiKey" type="password" required autocomplete="current-password" autofocus>
                <button type="submit">Sign in</button>
                </form>""", message));
    }
}
