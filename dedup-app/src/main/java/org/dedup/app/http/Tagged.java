package org.dedup.app.http;

/**
 * A single resource with its strong entity tag (sent as {@code ETag}, quoted): its version or revision where it has
 * one, else a hash of its JSON ({@link JsonBodies#tag}); what {@code If-Match} on its update names.
 */
record Tagged(Object body, String etag) {
    /** Tagged by its version or revision: {@code "3"}. */
    Tagged(Object body, long version) {
        this(body, "\"" + version + "\"");
    }
}
