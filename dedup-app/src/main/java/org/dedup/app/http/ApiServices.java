package org.dedup.app.http;

import org.dedup.app.config.HttpConfig;

/**
 * What the HTTP API is built from: its parts for a configuration, constructed by the application's injector (the
 * composition root) in a child injector with an {@link HttpModule}, so no resource is made by hand.
 */
@FunctionalInterface
public interface ApiServices {
    HttpParts parts(HttpConfig config);
}
