package org.dedup.app.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.dedup.app.config.WebhooksConfig;
import org.dedup.domain.event.Delivery;
import org.dedup.domain.event.WebhookSender;

/**
 * Sends a delivery as a POST of the event's JSON with the JDK's HttpClient, within the configured connect and
 * request timeouts, redirects not followed. Headers: {@code Dedup-Event-Id} (the same at every attempt: receivers
 * drop repeats by it), {@code Dedup-Event-Type}, {@code Dedup-Delivery-Attempt}, {@code Dedup-Timestamp} (Unix
 * seconds of this attempt) and {@code Dedup-Signature: sha256=<hex>} ({@link WebhookSignature}). Any 2xx answer
 * is a delivery; anything else, or none in time, is a failed attempt.
 */
public final class HttpWebhookSender implements WebhookSender {
    static final String EVENT_ID = "Dedup-Event-Id";
    static final String SIGNATURE = "Dedup-Signature";
    static final String TIMESTAMP = "Dedup-Timestamp";
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    public HttpWebhookSender(WebhooksConfig config, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.connectTimeoutMillis()))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = Duration.ofMillis(config.requestTimeoutMillis());
        this.clock = clock;
    }

    @Override
    public Outcome send(Delivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(delivery.url()).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "dedup-webhooks")
                .header(EVENT_ID, delivery.event().toString())
                .header("Dedup-Event-Type", delivery.type())
                .header("Dedup-Delivery-Attempt", String.valueOf(delivery.attempt()))
                .header(TIMESTAMP, String.valueOf(timestamp))
                .header(SIGNATURE, "sha256=" + WebhookSignature.of(delivery.secret(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? new Accepted() : new Failed("answered " + status);
        } catch (HttpTimeoutException e) {
            return new Failed("no answer within the timeout (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Failed("could not be reached (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("the server stopped during the attempt");
        }
    }
}
