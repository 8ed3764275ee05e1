package org.dedup.app.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.Webhooks;

/**
 * {@code /v1/webhooks}: the tenant's webhooks. POST adds one ({@code {"url", "secret"}}), GET lists them, DELETE
 * {@code /v1/webhooks/{id}} removes one with the deliveries still waiting for it. The secret is never shown again.
 */
final class WebhookResource implements Resource {
    static final String PATH = "/v1/webhooks";
    private final Webhooks webhooks;
    private final Audited audited;

    @Inject
    WebhookResource(Webhooks webhooks, Audited audited) {
        this.webhooks = webhooks;
        this.audited = audited;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, call -> Map.of("webhooks", webhooks.list(call.tenant()).stream()
                        .map(WebhookResource::view).toList())),
                Route.post(PATH, this::add),
                Route.delete(PATH + "/{id}", this::remove));
    }

    private Map<String, Object> add(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        WebhookRequest request = call.body(WebhookRequest.class);
        return view(audited.write(writer, AuditAction.WEBHOOK_ADD,
                () -> webhooks.add(writer.tenant(), request.url(), request.secret()),
                added -> added.id().toString()));
    }

    private Map<String, Object> remove(Call call) {
        Audited.Writer writer = call.writer();
        UUID id = id(call.path("id"));
        return audited.write(writer, AuditAction.WEBHOOK_REMOVE, () -> {
            webhooks.remove(writer.tenant(), id);
            return Map.<String, Object>of("removed", true);
        }, removed -> id.toString());
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
