package org.dedup.app.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What is not a tenant's: {@code /health}, {@code /metrics} (Prometheus text) and {@code /openapi.json}. */
final class SystemResource implements Resource {
    private static final JsonNode OPENAPI = OpenApi.document();
    private final ApiMetrics metrics;

    /** An answer in another format than JSON. */
    record Text(String contentType, String body) {
    }

    SystemResource(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/health", call -> Map.of("status", "ok")),
                Route.get("/metrics", call -> new Text("text/plain; version=0.0.4; charset=utf-8", metrics.scrape())),
                Route.get("/openapi.json", call -> OPENAPI));
    }
}
