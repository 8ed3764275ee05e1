package org.dedup.app.http;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.dedup.app.config.HttpConfig;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.persistence.Database;

/**
 * What is not a tenant's: health ({@code /health}: each installed matcher's status, {@code degraded} while one
 * cannot work; {@code /health/live}: the process answers; {@code /health/ready}: the database answers and is
 * migrated, else 503), {@code /metrics} (Prometheus text; with {@code http.metricsKey} set, only for
 * {@code Authorization: Bearer <key>}) and {@code /openapi.json}.
 */
final class SystemResource implements Resource {
    private static final JsonNode OPENAPI = OpenApi.document();
    private static final String BEARER = "Bearer ";
    private final ApiMetrics metrics;
    private final InstalledMatchers matchers;
    private final Database database;
    private final Optional<byte[]> metricsKeyHash;

    /** An answer in another format than JSON. */
    record Text(String contentType, String body) {
    }

    @Inject
    SystemResource(ApiMetrics metrics, InstalledMatchers matchers, Database database, HttpConfig config) {
        this.metrics = metrics;
        this.matchers = matchers;
        this.database = database;
        this.metricsKeyHash = config.metricsKeyHash();
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/health", call -> HealthView.of(matchers.health())),
                Route.get("/health/live", call -> Map.of("status", "up")),
                Route.get("/health/ready", call -> ready()),
                Route.get("/metrics", this::metrics),
                Route.get("/openapi.json", call -> OPENAPI));
    }

    private Map<String, String> ready() {
        if (!database.ready()) {
            throw new HttpProblem(503, "not ready: the database cannot be reached or is not migrated yet",
                    Map.of("Retry-After", "5"));
        }
        return Map.of("status", "ready");
    }

    private Text metrics(Call call) {
        metricsKeyHash.ifPresent(expected -> {
            String presented = call.header("Authorization").filter(h -> h.startsWith(BEARER))
                    .map(h -> h.substring(BEARER.length()).strip()).orElse("");
            if (!MessageDigest.isEqual(expected, ApiKeys.sha256(presented))) {
                throw new HttpProblem(401, "the metrics need Authorization: Bearer with the metrics key",
                        Map.of("WWW-Authenticate", "Bearer realm=\"metrics\""));
            }
        });
        return new Text("text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
