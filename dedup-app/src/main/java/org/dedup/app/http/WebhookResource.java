package org.dedup.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.inject.Inject;

import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.Webhooks;

/**
 * {@code /v1/webhooks}: the tenant's webhooks. POST adds one ({@code {"url", "secret"}}), GET lists them, DELETE
 * {@code /v1/webhooks/{id}} removes one with the deliveries still waiting for it. The secret is never shown again.
 */
final class WebhookResource implements Resource {
    static final String PATH = "/v1/webhooks";
    private final Webhooks webhooks;

    @Inject
    WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, call -> Map.of("webhooks", webhooks.list(call.tenant()).stream()
                        .map(WebhookResource::view).toList())),
                Route.post(PATH, call -> {
                    WebhookRequest request = call.body(WebhookRequest.class);
                    return view(webhooks.add(call.tenant(), request.url(), request.secret()));
                }),
                Route.delete(PATH + "/{id}", call -> {
                    webhooks.remove(call.tenant(), id(call.path("id")));
                    return Map.of("removed", true);
                }));
    }

    /** The body of POST. */
    record WebhookRequest(String url, String secret) {
    }

    private static Map<String, Object> view(Webhook webhook) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", webhook.id());
        view.put("url", webhook.url().toString());
        view.put("created", webhook.created().toString());
        return view;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "webhook id '" + text + "' is not a UUID");
        }
    }
}
