package org.dedup.app.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dedup.domain.match.MatcherHealth;
import org.dedup.domain.settings.MatchMethod;

/**
 * The body of {@code GET /health}: {@code ok}, or {@code degraded} while an installed matcher cannot work (the BIG
 * DATA model file was refused, say), with each matcher's status and, when unavailable, why.
 */
final class HealthView {
    private HealthView() {
    }

    static Map<String, Object> of(Map<MatchMethod, MatcherHealth> matchers) {
        Map<String, Object> byMethod = new LinkedHashMap<>();
        matchers.forEach((method, health) -> byMethod.put(method.id(), switch (health) {
            case MatcherHealth.Available available -> Map.of("status", "available");
            case MatcherHealth.Unavailable unavailable -> Map.of("status", "unavailable",
                    "reason", unavailable.reason());
        }));
        boolean degraded = matchers.values().stream().anyMatch(MatcherHealth.Unavailable.class::isInstance);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", degraded ? "degraded" : "ok");
        body.put("matchers", byMethod);
        return body;
    }
}
