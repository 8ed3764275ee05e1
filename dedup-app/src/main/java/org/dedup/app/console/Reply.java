package org.dedup.app.console;

/** What the console answers: a page with its status, or a redirect after a form (post/redirect/get). */
sealed interface Reply {
    record Page(int status, Html html) implements Reply {
    }

    record Redirect(String location) implements Reply {
    }

    static Reply ok(Html html) {
        return new Page(200, html);
    }
}
