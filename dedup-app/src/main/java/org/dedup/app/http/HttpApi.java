package org.dedup.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.StaleRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON HTTP API on the JDK's HTTP server, one virtual thread per request. Every /v1 request names its tenant
 * by API key (header {@code X-Api-Key}); a key only ever reaches its own tenant's data.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Pattern LEAD = Pattern.compile("/v1/leads/([^/]+)");
    private static final Pattern UNDO = Pattern.compile("/v1/merges/([^/]+)/undo");
    private final HttpServer server;
    private final Map<String, TenantId> tenantsByKey = new LinkedHashMap<>();
    private final int maxBodyBytes;
    private final DuplicateControl control;
    private final Unmerger unmerger;
    private final LeadRepository leads;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public HttpApi(int port, int maxBodyBytes, Iterable<TenantConfig> tenants, DuplicateControl control,
                   Unmerger unmerger, LeadRepository leads) throws IOException {
        this.maxBodyBytes = maxBodyBytes;
        this.control = control;
        this.unmerger = unmerger;
        this.leads = leads;
        tenants.forEach(t -> tenantsByKey.put(t.apiKey(), t.tenantId()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            answer(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            respond(exchange, 200, route(exchange));
        } catch (HttpProblem problem) {
            respond(exchange, problem.status(), error(problem.getMessage()));
        } catch (RecordNotFoundException e) {
            respond(exchange, 404, error(e.getMessage()));
        } catch (StaleRecordException e) {
            respond(exchange, 409, error(e.getMessage()));
        } catch (InvalidRecordException e) {
            respond(exchange, 400, error(e.getMessage()));
        } catch (DedupException e) {
            LOG.warn("request failed: {}", e.getMessage(), e);
            respond(exchange, 422, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(exchange, 500, error("internal error; nothing was stored"));
        }
    }

    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/health") && method.equals("GET")) {
            return Map.of("status", "ok");
        }
        if (path.equals("/v1/leads") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            IncomingLeadRequest request = read(exchange, IncomingLeadRequest.class);
            Optional<String> key = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            Decision decision = key.isPresent()
                    ? control.receive(request.toIncomingLead(tenant), new IdempotencyKey(key.get()))
                    : control.receive(request.toIncomingLead(tenant));
            return DecisionView.of(decision);
        }
        Matcher lead = LEAD.matcher(path);
        if (lead.matches() && method.equals("GET")) {
            TenantId tenant = tenant(exchange);
            LeadId id = LeadId.parse(lead.group(1));
            return leads.find(tenant, id).orElseThrow(() -> new RecordNotFoundException(tenant, id));
        }
        Matcher undo = UNDO.matcher(path);
        if (undo.matches() && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            var entry = unmerger.unmerge(tenant, new MergeId(uuid(undo.group(1), "merge id")));
            return Map.of("merge", entry.id().value(), "state", entry.state().name().toLowerCase(java.util.Locale.ROOT),
                    "restored", entry.survivorBefore().id().value());
        }
        throw new HttpProblem(404, "no such endpoint: " + method + " " + path);
    }

    private TenantId tenant(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        if (key == null) {
            throw new HttpProblem(401, "the X-Api-Key header is required");
        }
        TenantId tenant = tenantsByKey.get(key);
        if (tenant == null) {
            throw new HttpProblem(401, "the API key is not valid");
        }
        return tenant;
    }

    private <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            throw new HttpProblem(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        if (body.length == 0) {
            throw new HttpProblem(400, "the request body is empty; a JSON object is expected");
        }
        try {
            return json.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new HttpProblem(400, "unknown field '" + e.getPropertyName() + "' at " + e.getPathReference()
                    .replaceAll("org\\.dedup\\.app\\.http\\.", ""));
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, what + " '" + text + "' is not a UUID");
        }
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        if (status >= 400) {
            // the request body may be unread: do not let the next request on this connection start inside it
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
