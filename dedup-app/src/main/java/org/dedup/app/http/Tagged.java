package org.dedup.app.http;

/**
 * A single resource with its strong entity tag (sent as {@code ETag}): its version or revision where it has one, which
 * is what {@code If-Match} on its update names.
 */
record Tagged(Object body, long version) {
    /** The tag as sent, quoted: {@code "3"}. */
    String etag() {
        return "\"" + version + "\"";
    }
}
