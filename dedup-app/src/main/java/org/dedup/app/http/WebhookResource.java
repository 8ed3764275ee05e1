package org.dedup.app.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.Webhooks;
import org.dedup.domain.model.TenantId;

/**
 * {@code /v1/webhooks}: the tenant's webhooks. POST adds one ({@code {"url", "secret"}}), GET lists them, DELETE
 * {@code /v1/webhooks/{id}} removes one with the deliveries still waiting for it. The secret is never shown again.
 */
final class WebhookResource {
    static final String PATH = "/v1/webhooks";
    private static final Pattern ONE = Pattern.compile("/v1/webhooks/([^/]+)");
    private final Webhooks webhooks;

    WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    static boolean handles(String path) {
        return path.equals(PATH) || ONE.matcher(path).matches();
    }

    /** The body of POST. */
    record WebhookRequest(String url, String secret) {
    }

    Object route(String method, String path, TenantId tenant, PartyResource.Body body) throws IOException {
        Matcher one = ONE.matcher(path);
        if (one.matches() && method.equals("DELETE")) {
            webhooks.remove(tenant, id(one.group(1)));
            return Map.of("removed", true);
        }
        if (path.equals(PATH) && method.equals("GET")) {
            return Map.of("webhooks", webhooks.list(tenant).stream().map(WebhookResource::view).toList());
        }
        if (path.equals(PATH) && method.equals("POST")) {
            WebhookRequest request = body.as(WebhookRequest.class);
            if (request == null) {
                throw new HttpProblem(400, "the body must be a JSON object {\"url\": ..., \"secret\": ...}");
            }
            return view(webhooks.add(tenant, request.url(), request.secret()));
        }
        throw new HttpProblem(405, method + " is not allowed on " + path);
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
