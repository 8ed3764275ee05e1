package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code next} cursors of the listed resources: a time and an id, the position of the last item of a
 * page in the list's order. A cursor this API did not hand out is a 400 naming the parameter.
 */
final class Cursors {
    static final String PARAMETER = "after";

    private Cursors() {
    }

    /** A time and an id as one cursor. */
    record Position(Instant at, UUID id) {
    }

    static String encode(Instant at, UUID id) {
        String text = at.getEpochSecond() + "." + at.getNano() + "," + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int comma = text.indexOf(',');
            String[] time = text.substring(0, comma).split("\\.");
            if (time.length != 2) {
                throw new IllegalArgumentException("no time");
            }
            return new Position(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                    UUID.fromString(text.substring(comma + 1)));
        } catch (RuntimeException e) {
            throw new HttpProblem(400, "'" + PARAMETER + "' is not a cursor this API returned as 'next'");
        }
    }
}
