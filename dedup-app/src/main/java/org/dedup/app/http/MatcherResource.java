package org.dedup.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Inject;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatcherHealth;

/**
 * {@code GET /v1/matchers}: the installed matchers, each with its health (when unavailable, why) and what it says
 * about itself: for the BIG DATA method, which model is loaded, its metadata and the metrics of its evaluation.
 */
final class MatcherResource implements Resource {
    private final InstalledMatchers matchers;

    @Inject
    MatcherResource(InstalledMatchers matchers) {
        this.matchers = matchers;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/v1/matchers", call -> {
            call.tenant();
            return Map.of("matchers", views());
        }));
    }

    private List<Map<String, Object>> views() {
        Map<?, Map<String, Object>> descriptions = matchers.descriptions();
        return matchers.health().entrySet().stream().map(entry -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("method", entry.getKey().id());
            switch (entry.getValue()) {
                case MatcherHealth.Available available -> view.put("status", "available");
                case MatcherHealth.Unavailable unavailable -> {
                    view.put("status", "unavailable");
                    view.put("reason", unavailable.reason());
                }
            }
            view.put("description", descriptions.get(entry.getKey()));
            return view;
        }).toList();
    }
}
