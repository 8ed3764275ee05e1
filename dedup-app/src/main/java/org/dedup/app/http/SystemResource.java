package org.dedup.app.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.dedup.domain.match.InstalledMatchers;

/** What is not a tenant's: {@code /health}, {@code /metrics} (Prometheus text) and {@code /openapi.json}. */
final class SystemResource implements Resource {
    private static final JsonNode OPENAPI = OpenApi.document();
    private final ApiMetrics metrics;
    private final InstalledMatchers matchers;

    /** An answer in another format than JSON. */
    record Text(String contentType, String body) {
    }

    SystemResource(ApiMetrics metrics, InstalledMatchers matchers) {
        this.metrics = metrics;
        this.matchers = matchers;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/health", call -> HealthView.of(matchers.health())),
                Route.get("/metrics", call -> new Text("text/plain; version=0.0.4; charset=utf-8", metrics.scrape())),
                Route.get("/openapi.json", call -> OPENAPI));
    }
}
