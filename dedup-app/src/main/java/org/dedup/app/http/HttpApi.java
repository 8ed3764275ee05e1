package org.dedup.app.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;

import org.dedup.app.config.ConfigException;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.core.arrivals.ArrivalQueue;
import org.dedup.domain.model.TenantId;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON HTTP API on Javalin (Jetty 12, one virtual thread per request), from one route table of small
 * resources. Every /v1 request names its tenant by API key (header {@code X-Api-Key}); a key only ever reaches its
 * own tenant's data. Every error is RFC 9457 problem+json; a request whose head or body is not sent in time is
 * dropped.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Wrong API keys a client address may send within {@link #KEY_FAILURE_WINDOW} before it is made to wait. */
    private static final int KEY_FAILURES_ALLOWED = 20;
    private static final Duration KEY_FAILURE_WINDOW = Duration.ofMinutes(1);
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    /** A body slower than this (bytes per second, on average since it began) is cut off with 408. */
    private static final long MIN_BODY_BYTES_PER_SECOND = 1_024;
    private static final String START_NANOS = "dedup.start";
    /**
     * Connections the kernel holds for the server before it accepts them (the listen backlog; Linux caps it at
     * {@code net.core.somaxconn}, 4096 by default). Java's default of 50 overflowed when clients came back all at once
     * after a start: each connection dropped so waited a second for its retransmitted SYN.
     */
    private static final int ACCEPT_QUEUE = 1_024;
    private final HttpConfig config;
    private final ArrivalQueue arrivals;
    private final ScanJobs scans;
    private final ApiMetrics metrics;
    private final List<Route> routes;
    private final JsonBodies json;
    /** With the warm-up's key until the port opens, then with the tenants' keys alone. */
    private volatile Authentication authentication;
    private final Problems problems;
    private final AtomicReference<ServerConnector> warmUpPort = new AtomicReference<>();
    private final AtomicReference<HttpConfiguration> http = new AtomicReference<>();
    private final ServerConnector connector;
    private final Javalin server;
    private final RequestHeadTimeout headTimeout;
    private final HttpWarmUp httpWarmUp = new HttpWarmUp();
    private final ServerWarmUp.Done warmedUp;

    public HttpApi(HttpConfig config, Iterable<TenantConfig> tenants, ApiServices services) {
        this(config, tenants, services, pages -> { });
    }

    /** The API, with {@code pages} (the console) served beside it on the same port. */
    public HttpApi(HttpConfig config, Iterable<TenantConfig> tenants, ApiServices services,
                   Consumer<RoutesConfig> pages) {
        for (TenantConfig tenant : tenants) {
            if (tenant.tenantId().equals(WarmUp.TENANT)) {
                throw new ConfigException("tenants[" + tenant.id() + "].id", "is reserved for the server's warm-up");
            }
        }
        this.config = config;
        Clock clock = Clock.systemUTC();
        FailedKeyAttempts failures = new FailedKeyAttempts(clock, KEY_FAILURES_ALLOWED, KEY_FAILURE_WINDOW);
        ApiKeys keys = ApiKeys.of(tenants);
        this.authentication = new Authentication(keys.with(WarmUp.TENANT, httpWarmUp.key()), failures);
        HttpParts parts = services.parts(config);
        this.json = parts.json;
        this.problems = new Problems(json, new RateLimitedLog(LOG, clock, LOG_INTERVAL));
        this.arrivals = parts.arrivals;
        this.metrics = parts.metrics;
        this.scans = parts.scans;
        List<TenantId> served = new ArrayList<>();
        tenants.forEach(tenant -> served.add(tenant.tenantId()));
        scans.start(served);
        this.routes = routeTable(parts.resources);
        this.server = Javalin.create(javalin -> configure(javalin, pages));
        server.start();
        this.warmedUp = new ServerWarmUp(parts.warmUp, httpWarmUp, Settling.ofThisJvm())
                .run(Duration.ofSeconds(config.warmUpMaxSeconds()),
                        URI.create("http://127.0.0.1:" + warmUpPort.get().getLocalPort()), served);
        this.authentication = new Authentication(keys, failures);
        this.connector = listen(server.jettyServer().server());
        this.headTimeout = new RequestHeadTimeout(connector, Duration.ofMillis(config.headerTimeoutMillis()));
    }

    /** Opens the port, and closes the warm-up's. */
    private ServerConnector listen(Server jetty) {
        ServerConnector listening = new ServerConnector(jetty, new HttpConnectionFactory(http.get()));
        listening.setHost(config.host());
        listening.setPort(config.port());
        listening.setIdleTimeout(config.idleTimeoutMillis());
        listening.setAcceptQueueSize(ACCEPT_QUEUE);
        jetty.addConnector(listening);
        ServerConnector warmUp = warmUpPort.get();
        try {
            listening.start();
            jetty.removeConnector(warmUp);
            warmUp.stop();
        } catch (Exception e) {
            server.stop();
            throw new IllegalStateException("could not listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        return listening;
    }

    private static List<Route> routeTable(List<Resource> resources) {
        List<Route> table = new ArrayList<>();
        resources.forEach(resource -> table.addAll(resource.routes()));
        return List.copyOf(table);
    }

    /** The route table: every method and path the API answers. */
    List<Route> routes() {
        return routes;
    }

    private void configure(JavalinConfig javalin, Consumer<RoutesConfig> pages) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.concurrency.useVirtualThreads = true;
        javalin.http.prefer405over404 = true;
        javalin.http.generateEtags = false;
        javalin.http.maxRequestSize = config.maxBodyBytes();
        javalin.jetty.timeoutStatus = 408;
        ProblemErrorHandler errors = new ProblemErrorHandler(json);
        javalin.jetty.modifyServer(jetty -> jetty.setErrorHandler(errors));
        javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
        });
        // the port opens only after the warm-up (listen); until then the warm-up's requests come to a port of its own
        // on 127.0.0.1, so that they take the socket path clients take
        javalin.jetty.addConnector((jetty, configuration) -> {
            http.set(configuration);
            ServerConnector warmUp = new ServerConnector(jetty, new HttpConnectionFactory(configuration));
            warmUp.setHost("127.0.0.1");
            warmUp.setPort(0);
            warmUp.setAcceptQueueSize(ACCEPT_QUEUE);
            warmUpPort.set(warmUp);
            return warmUp;
        });
        javalin.requestLogger.http((ctx, millis) -> measured(ctx));
        RoutesConfig table = javalin.routes;
        table.before(ctx -> ctx.attribute(START_NANOS, System.nanoTime()));
        table.before(HttpApi::refuseMethodOverride);
        for (Route route : routes) {
            table.addHttpHandler(route.method(), route.path(), ctx -> answer(route, ctx));
        }
        pages.accept(table);
        table.exception(Exception.class, problems::answer);
        // Javalin's own answer to its exceptions (404, 405, 413) is not problem+json: replace it
        table.exception(HttpResponseException.class, problems::answer);
    }

    /** Javalin routes by {@code X-HTTP-Method-Override}; the API has no use for it, and it would hide the method. */
    private static void refuseMethodOverride(Context ctx) {
        if (ctx.header("X-HTTP-Method-Override") != null) {
            throw new HttpProblem(400, "X-HTTP-Method-Override is not supported; send the method itself");
        }
    }

    private void answer(Route route, Context ctx) throws Exception {
        Object answer = route.endpoint().answer(new Call(ctx, authentication, json, config.maxBodyBytes()));
        switch (answer) {
            case Tagged tagged -> {
                ctx.header("ETag", tagged.etag());
                writeJson(ctx, tagged.body());
            }
            case SystemResource.Text text -> ctx.contentType(text.contentType()).result(text.body());
            default -> writeJson(ctx, answer);
        }
    }

    private void writeJson(Context ctx, Object body) {
        ctx.contentType("application/json; charset=utf-8").result(json.write(body));
    }

    private void measured(Context ctx) {
        Long start = ctx.attribute(START_NANOS);
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        boolean matched = endpoint != null && !endpoint.path.isEmpty();
        metrics.answered(matched ? endpoint.method.name() : ctx.req().getMethod(),
                matched ? endpoint.path : ApiMetrics.UNMATCHED, ctx.statusCode(),
                start == null ? 0 : System.nanoTime() - start);
    }

    /** What the warm-up before the port opened did. */
    ServerWarmUp.Done warmedUp() {
        return warmedUp;
    }

    HttpWarmUp httpWarmUp() {
        return httpWarmUp;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** How many connections the port's listen backlog holds before they are accepted. */
    int acceptQueue() {
        return connector.getAcceptQueueSize();
    }

    @Override
    public void close() {
        headTimeout.close();
        server.stop();
        arrivals.close();
        scans.close();
        metrics.close();
    }
}
