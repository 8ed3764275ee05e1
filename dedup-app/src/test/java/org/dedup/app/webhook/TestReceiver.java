package org.dedup.app.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver as a tenant would write one, on 127.0.0.1: it checks each request's signature with the shared
 * secret on its own (HMAC-SHA256 of {@code <Dedup-Timestamp>.<body>}), refuses a bad one with 401, answers 500
 * while told to fail, and keeps each event it accepted once by its {@code Dedup-Event-Id}, counting repeats.
 */
public final class TestReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> events = new LinkedHashMap<>();
    private final List<String> badSignatures = new ArrayList<>();
    private int requests;
    private int repeats;
    private Instant failingUntil = Instant.MIN;
    private Duration answerAfter = Duration.ZERO;

    public TestReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Answers 500 to every request until {@code until}. */
    public synchronized void failUntil(Instant until) {
        failingUntil = until;
    }

    /** Takes {@code delay} before each answer, so that deliveries are in flight for a while. */
    public synchronized void answerAfter(Duration delay) {
        answerAfter = delay;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("Dedup-Event-Id");
            String timestamp = exchange.getRequestHeaders().getFirst("Dedup-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Dedup-Signature");
            Thread.sleep(delay());
            exchange.sendResponseHeaders(status(id, timestamp, signature, body), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Duration delay() {
        return answerAfter;
    }

    private synchronized int status(String id, String timestamp, String signature, String body) throws IOException {
        requests++;
        if (!("sha256=" + hmac(timestamp + "." + body)).equals(signature)) {
            badSignatures.add(id);
            return 401;
        }
        JsonNode event = json.readTree(body);
        if (!event.get("id").asText().equals(id)) {
            badSignatures.add(id);
            return 400;
        }
        if (Instant.now().isBefore(failingUntil)) {
            return 500;
        }
        if (events.putIfAbsent(id, event) != null) {
            repeats++;
        }
        return 204;
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events accepted, each once, in the order they first came. */
    public synchronized List<JsonNode> events() {
        return List.copyOf(events.values());
    }

    /** The events accepted of {@code type}. */
    public List<JsonNode> events(String type) {
        return events().stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    public synchronized int requests() {
        return requests;
    }

    /** Deliveries of an event accepted before (allowed: delivery is at least once). */
    public synchronized int repeats() {
        return repeats;
    }

    /** Requests whose signature or event id did not check out (ids as sent). */
    public synchronized List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    /** Waits until the events accepted satisfy {@code enough}, at most {@code patience}. */
    public List<JsonNode> await(Predicate<List<JsonNode>> enough, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!enough.test(events())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not received within " + patience + ": " + events().size() + " events, "
                        + requests() + " requests, bad signatures " + badSignatures());
            }
            Thread.sleep(50);
        }
        return events();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
