package org.dedup.app.http;

/** The version or revision an {@code If-Match} header names: {@code "3"} (as the ETag was sent) or {@code 3}. */
final class EntityTags {
    private EntityTags() {
    }

    /** The entity tag an {@code If-Match} header names, quoted as sent in {@code ETag}; a weak tag is a 400. */
    static String opaque(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            throw new HttpProblem(400, "If-Match must be a strong entity tag (the ETag as sent), was '" + ifMatch
                    + "'");
        }
        return tag.startsWith("\"") ? tag : "\"" + tag + "\"";
    }

    static long version(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            throw new HttpProblem(400, "If-Match must be a strong entity tag (the ETag as sent), was '" + ifMatch
                    + "'");
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "If-Match must be the ETag as sent (the version, such as \"3\"), was '"
                    + ifMatch + "'");
        }
    }
}
