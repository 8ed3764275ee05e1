package org.dedup.app.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** An instant of the API (ISO-8601) as people read it: to the second, in UTC. */
final class When {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private When() {
    }

    /** {@code iso} to the second in UTC; any other text as it is. */
    static String readable(String iso) {
        try {
            return READABLE.format(Instant.parse(iso).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
