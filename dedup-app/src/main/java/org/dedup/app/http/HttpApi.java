package org.dedup.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.SettingsDocument;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.control.ArrivalQueue;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.IdempotencyKeyReusedException;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.ReviewItemResolvedException;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.ScanAlreadyRunningException;
import org.dedup.domain.search.ScanMethod;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.StorageUnavailableException;
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
    private static final Pattern SCAN = Pattern.compile("/v1/scans/([^/]+)");
    private static final JsonNode OPENAPI = OpenApi.document();
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final int GENERIC_KEYS_LISTED = 100;
    private static final int GROUPS_PAGE = 100;
    private static final int MAX_GROUPS_PAGE = 1_000;
    private static final String ACTOR_HEADER = "Dedup-Actor";
    private final HttpServer server;
    private final Map<String, TenantId> tenantsByKey = new LinkedHashMap<>();
    private final int maxBodyBytes;
    private final ApiServices services;
    private final ScanJobs scans;
    private final NotDuplicateResource notDuplicates;
    private final PartyResource parties;
    private final ScheduleResource schedule;
    private final WebhookResource webhooks;
    private final ReviewResource reviews;
    private final AuditResource audit;
    private final ArrivalQueue arrivals;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public HttpApi(HttpConfig config, Iterable<TenantConfig> tenants, ApiServices services) throws IOException {
        this.maxBodyBytes = config.maxBodyBytes();
        this.services = services;
        this.scans = new ScanJobs(services.scans());
        this.notDuplicates = new NotDuplicateResource(services.search());
        this.parties = new PartyResource(services.parties(), services.search(), services.merges(),
                services.audited());
        this.reviews = new ReviewResource(services.review());
        this.audit = new AuditResource(services.audit());
        this.schedule = new ScheduleResource(services.schedules());
        this.webhooks = new WebhookResource(services.webhooks());
        tenants.forEach(t -> tenantsByKey.put(t.apiKey(), t.tenantId()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port()), 0);
        this.arrivals = new ArrivalQueue(services.control(), config.arrivalWorkers(), config.maxArrivalBatch());
        Gauge.builder("dedup_arrivals_waiting", arrivals, ArrivalQueue::waiting).register(metrics);
        FunctionCounter.builder("dedup_arrival_batches", arrivals, a -> a.counts().batches()).register(metrics);
        FunctionCounter.builder("dedup_arrivals_batched", arrivals, a -> a.counts().batchedArrivals())
                .register(metrics);
        FunctionCounter.builder("dedup_arrival_batches_decided_again", arrivals,
                a -> a.counts().batchesDecidedAgain()).register(metrics);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code handler} under {@code path} on this server (the console), beside the API. */
    public void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/metrics")) {
                respondText(exchange, metrics.scrape());
            } else {
                answer(exchange);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } finally {
            Timer.builder("dedup_http_requests").tag("method", exchange.getRequestMethod())
                    .tag("status", String.valueOf(exchange.getResponseCode())).register(metrics)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
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
        } catch (ReviewItemResolvedException e) {
            respond(exchange, 409, error(e.getMessage()));
        } catch (ScanAlreadyRunningException e) {
            respond(exchange, 409, Map.of("error", e.getMessage(), "running", e.running()));
        } catch (InvalidRecordException e) {
            respond(exchange, 400, error(e.getMessage()));
        } catch (StorageUnavailableException e) {
            LOG.warn("request refused, the database is unavailable: {}", e.getMessage());
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            respond(exchange, 503, error("the database is unavailable; retry later (a retry under the same "
                    + "Idempotency-Key never stores a lead twice)"));
        } catch (IdempotencyKeyReusedException e) {
            respond(exchange, 422, error(e.getMessage()));
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
            return HealthView.of(services.matchers().health());
        }
        if (PartyResource.handles(path)) {
            TenantId tenant = tenant(exchange);
            return parties.route(method, path, writer(exchange, tenant), bodyOf(exchange));
        }
        if (ReviewResource.handles(path)) {
            TenantId tenant = tenant(exchange);
            return reviews.route(method, path, new ReviewResource.Call(writer(exchange, tenant),
                    QueryParameters.of(exchange.getRequestURI()),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-Match")), bodyOf(exchange)));
        }
        if (path.equals(ScheduleResource.PATH)) {
            return schedule.route(method, tenant(exchange), bodyOf(exchange));
        }
        if (WebhookResource.handles(path)) {
            return webhooks.route(method, path, tenant(exchange), bodyOf(exchange));
        }
        if (path.equals("/v1/leads") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            byte[] body = body(exchange);
            IncomingLeadRequest request = parse(body, IncomingLeadRequest.class);
            Optional<IdempotencyKey> key = Optional.ofNullable(exchange.getRequestHeaders()
                    .getFirst("Idempotency-Key")).map(IdempotencyKey::new);
            Decision decision = arrivals.receive(new LeadArrival(request.toIncomingLead(tenant), key,
                    key.isPresent() ? Optional.of(RequestFingerprints.of(body)) : Optional.empty()));
            metrics.counter("dedup_decisions", "outcome", DecisionView.of(decision).outcome()).increment();
            return DecisionView.of(decision);
        }
        if (path.equals("/v1/check") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            var lead = read(exchange, IncomingLeadRequest.class).toIncomingLead(tenant)
                    .toLead(LeadId.random(), java.time.Instant.now());
            return Map.of("candidates", services.search().checkLead(lead).stream().map(DecisionView::candidate)
                    .toList());
        }
        if (path.equals("/v1/scans") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            byte[] body = bodyOrEmpty(exchange);
            ScanMethod scanMethod = body.length == 0 ? ScanMethod.RULES : parse(body, ScanRequest.class).scanMethod();
            return scans.start(tenant, scanMethod);
        }
        Matcher scan = SCAN.matcher(path);
        if (scan.matches() && method.equals("GET")) {
            TenantId tenant = tenant(exchange);
            return scans.find(tenant, uuid(scan.group(1), "scan id"));
        }
        if (path.equals("/v1/groups") && method.equals("GET")) {
            return groups(tenant(exchange), QueryParameters.of(exchange.getRequestURI()));
        }
        if (path.equals(NotDuplicateResource.PATH)) {
            TenantId tenant = tenant(exchange);
            return switch (method) {
                case "GET" -> notDuplicates.list(tenant, QueryParameters.of(exchange.getRequestURI()));
                case "POST" -> {
                    NotDuplicateRequest marked = read(exchange, NotDuplicateRequest.class);
                    yield audited(exchange, tenant, "mark", marked.pair().toString(),
                            () -> notDuplicates.mark(tenant, marked));
                }
                case "DELETE" -> {
                    NotDuplicateRequest unmarked = read(exchange, NotDuplicateRequest.class);
                    yield audited(exchange, tenant, "unmark", unmarked.pair().toString(),
                            () -> notDuplicates.remove(tenant, unmarked));
                }
                default -> throw new HttpProblem(405, method + " is not allowed on " + path);
            };
        }
        if (path.equals("/v1/merges") && method.equals("GET")) {
            return audit.merges(tenant(exchange), QueryParameters.of(exchange.getRequestURI()));
        }
        if (path.equals("/v1/decisions") && method.equals("GET")) {
            return audit.decisions(tenant(exchange), QueryParameters.of(exchange.getRequestURI()));
        }
        if (path.equals("/v1/merges") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            MergeRequest request = read(exchange, MergeRequest.class);
            return Map.of("merge", services.audited().write(writer(exchange, tenant), AuditLog.MERGE,
                    () -> services.merges().merge(request.toRequest(tenant)), id -> id.value().toString()).value());
        }
        if (path.equals("/v1/merges/preview") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            MergeRequest request = read(exchange, MergeRequest.class);
            return MergePreviewView.of(services.merges().preview(request.toRequest(tenant)));
        }
        if (path.equals("/v1/rules") && method.equals("GET")) {
            return services.search().rules(tenant(exchange)).stream().map(RuleDto::of).toList();
        }
        if (path.equals("/v1/rules") && method.equals("PUT")) {
            TenantId tenant = tenant(exchange);
            RuleDto[] rules = read(exchange, RuleDto[].class);
            audited(exchange, tenant, "rules", "rules", () -> {
                services.settings().saveRules(tenant, java.util.Arrays.stream(rules).map(RuleDto::toRule).toList());
                return rules;
            });
            return services.search().rules(tenant).stream().map(RuleDto::of).toList();
        }
        if (path.equals("/v1/generic-keys") && method.equals("GET")) {
            return Map.of("keys", services.control().genericKeys(tenant(exchange), GENERIC_KEYS_LISTED).stream()
                    .map(k -> Map.of("namespace", k.key().namespace(), "value", k.key().value(), "leads", k.leads()))
                    .toList());
        }
        if (path.equals("/v1/settings") && method.equals("GET")) {
            return SettingsDocument.of(services.tenantSettings().settings(tenant(exchange)));
        }
        if (path.equals("/v1/settings") && method.equals("PUT")) {
            TenantId tenant = tenant(exchange);
            SettingsDocument document = read(exchange, SettingsDocument.class);
            audited(exchange, tenant, "settings", "settings", () -> {
                services.tenantSettings().save(tenant, document.toSettings());
                return document;
            });
            return SettingsDocument.of(services.tenantSettings().settings(tenant));
        }
        if (path.equals("/v1/settings/dry-run") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            int samples = QueryParameters.of(exchange.getRequestURI()).number("samples", DryRunViews.DEFAULT_SAMPLES,
                    DryRunViews.MAX_SAMPLES);
            return DryRunViews.settings(services.settingsDryRun().run(tenant,
                    read(exchange, SettingsDocument.class).toSettings(), samples));
        }
        if (path.equals("/v1/rules/dry-run") && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            int samples = QueryParameters.of(exchange.getRequestURI()).number("samples", DryRunViews.DEFAULT_SAMPLES,
                    DryRunViews.MAX_SAMPLES);
            RuleDto[] rules = read(exchange, RuleDto[].class);
            return DryRunViews.rules(services.search().dryRun(tenant,
                    java.util.Arrays.stream(rules).map(RuleDto::toRule).toList()), samples);
        }
        if (path.equals("/openapi.json") && method.equals("GET")) {
            return OPENAPI;
        }
        Matcher lead = LEAD.matcher(path);
        if (lead.matches() && method.equals("GET")) {
            TenantId tenant = tenant(exchange);
            LeadId id = LeadId.parse(lead.group(1));
            return services.leads().find(tenant, id).orElseThrow(() -> new RecordNotFoundException(tenant, id));
        }
        if (lead.matches() && method.equals("PUT")) {
            return DecisionView.of(updateLead(exchange, LeadId.parse(lead.group(1))));
        }
        Matcher undo = UNDO.matcher(path);
        if (undo.matches() && method.equals("POST")) {
            TenantId tenant = tenant(exchange);
            AfterUnmerge remembered = QueryParameters.of(exchange.getRequestURI()).flag("markNotDuplicate", true)
                    ? AfterUnmerge.MARK_NOT_DUPLICATES : AfterUnmerge.LEAVE_UNMARKED;
            MergeId id = new MergeId(uuid(undo.group(1), "merge id"));
            return audited(exchange, tenant, AuditLog.UNMERGE, id.value().toString(),
                    () -> undo(tenant, id, remembered));
        }
        throw new HttpProblem(404, "no such endpoint: " + method + " " + path);
    }

    /** Undoes a lead, contact or company merge. */
    private Object undo(TenantId tenant, MergeId id, AfterUnmerge remembered) {
        Optional<Object> party = services.parties().unmerge(tenant, id, remembered).map(PartyResource::undone);
        if (party.isPresent()) {
            return party.get();
        }
        var entry = services.unmerger().unmerge(tenant, id, remembered);
        return Map.of("merge", entry.id().value(), "state", entry.state().name().toLowerCase(java.util.Locale.ROOT),
                "restored", entry.survivorBefore().id().value(),
                "markedNotDuplicate", remembered == AfterUnmerge.MARK_NOT_DUPLICATES);
    }

    /** A page of the latest bulk search's groups ({@code ?limit=&after=}), in the order of their ids. */
    private Map<String, Object> groups(TenantId tenant, QueryParameters query) {
        int limit = query.number("limit", GROUPS_PAGE, MAX_GROUPS_PAGE);
        Optional<UUID> after = query.get(Cursors.PARAMETER).map(Cursors::decode).map(Cursors.Position::id);
        List<DuplicateGroup> groups = services.search().groups(tenant, after, limit + 1);
        List<DuplicateGroup> page = groups.subList(0, Math.min(limit, groups.size()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("groups", page.stream().map(GroupView::of).toList());
        view.put("next", groups.size() > limit ? Cursors.encode(Instant.EPOCH, page.getLast().id()) : null);
        return view;
    }

    /**
     * A lead update: the body holds the lead's new values (the shape of POST /v1/leads), stored as the next version
     * and checked again by BIG DATA. An {@code If-Match} version other than the stored one is refused with 409, so a
     * client cannot overwrite a change it has not seen.
     */
    private Decision updateLead(HttpExchange exchange, LeadId id) throws IOException {
        TenantId tenant = tenant(exchange);
        Lead stored = services.leads().find(tenant, id).orElseThrow(() -> new RecordNotFoundException(tenant, id));
        IncomingLeadRequest request = read(exchange, IncomingLeadRequest.class);
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null) {
            long expected = expectedVersion(ifMatch);
            if (expected != stored.version()) {
                throw new StaleRecordException(tenant, id, expected);
            }
        }
        Lead changed = request.toIncomingLead(tenant).toLead(id, stored.createdAt())
                .withVersion(stored.version() + 1, stored.updatedAt());
        Decision decision = services.control().update(changed);
        metrics.counter("dedup_decisions", "outcome", DecisionView.of(decision).outcome()).increment();
        return decision;
    }

    private static long expectedVersion(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.strip().replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "If-Match must be the lead's version number, was '" + ifMatch + "'");
        }
    }

    /** Runs a write of the tenant's, recording who made it ({@link #actor}) in the same transaction. */
    private <T> T audited(HttpExchange exchange, TenantId tenant, String action, String subject,
                          java.util.function.Supplier<T> write) {
        return services.audited().write(writer(exchange, tenant), action, write, result -> subject);
    }

    private static Audited.Writer writer(HttpExchange exchange, TenantId tenant) {
        return new Audited.Writer(tenant, actor(exchange, tenant));
    }

    /**
     * Who makes a write: the {@code Dedup-Actor} header when the caller names a person or system, else the API
     * key's name ({@code api-key:<tenant>}).
     */
    private static String actor(HttpExchange exchange, TenantId tenant) {
        String named = exchange.getRequestHeaders().getFirst(ACTOR_HEADER);
        if (named == null) {
            return "api-key:" + tenant.value();
        }
        if (named.isBlank() || named.length() > AuditEvent.MAX_ACTOR_LENGTH
                || named.chars().anyMatch(Character::isISOControl)) {
            throw new HttpProblem(400, ACTOR_HEADER + " must be 1 to " + AuditEvent.MAX_ACTOR_LENGTH
                    + " printable characters");
        }
        return named.strip();
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

    private PartyResource.Body bodyOf(HttpExchange exchange) {
        return new PartyResource.Body() {
            @Override
            public <T> T as(Class<T> type) throws IOException {
                return read(exchange, type);
            }
        };
    }

    private <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
        return parse(body(exchange), type);
    }

    private byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = bodyOrEmpty(exchange);
        if (body.length == 0) {
            throw new HttpProblem(400, "the request body is empty; a JSON object is expected");
        }
        return body;
    }

    /** The request body, empty when none was sent; 413 when it is larger than allowed. */
    private byte[] bodyOrEmpty(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            throw new HttpProblem(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    private <T> T parse(byte[] body, Class<T> type) throws IOException {
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

    private static void respondText(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(1);
        arrivals.close();
        scans.close();
    }
}
