package org.dedup.app.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import com.zaxxer.hikari.HikariPoolMXBean;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.dedup.core.arrivals.ArrivalQueue;

/**
 * What {@code GET /metrics} shows: requests by route, method and status with a latency histogram, decisions by
 * outcome, the arrival queue, the database connection pool, and the JVM (memory, GC, threads, classes, CPU, uptime). Labels come from the route table only: a request to no route is counted
 * as {@code route="unmatched"}, and a method that is not a standard one as {@code method="OTHER"}, so no client can
 * add a time series.
 */
final class ApiMetrics implements AutoCloseable {
    static final String UNMATCHED = "unmatched";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ApiMetrics(ArrivalQueue arrivals, HikariPoolMXBean pool) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("dedup_arrivals_waiting", arrivals, ArrivalQueue::waiting).register(registry);
        FunctionCounter.builder("dedup_arrival_batches", arrivals, a -> a.counts().batches()).register(registry);
        FunctionCounter.builder("dedup_arrivals_batched", arrivals, a -> a.counts().batchedArrivals())
                .register(registry);
        FunctionCounter.builder("dedup_arrival_batches_decided_again", arrivals,
                a -> a.counts().batchesDecidedAgain()).register(registry);
        poolGauge("active", pool, HikariPoolMXBean::getActiveConnections);
        poolGauge("idle", pool, HikariPoolMXBean::getIdleConnections);
        poolGauge("total", pool, HikariPoolMXBean::getTotalConnections);
        Gauge.builder("dedup_db_pool_threads_waiting", pool, HikariPoolMXBean::getThreadsAwaitingConnection)
                .register(registry);
    }

    /** The database connection pool: connections by state, and the threads waiting for one. */
    private void poolGauge(String state, HikariPoolMXBean pool, ToIntFunction<HikariPoolMXBean> count) {
        Gauge.builder("dedup_db_pool_connections", pool, p -> count.applyAsInt(p)).tag("state", state)
                .register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void decided(String outcome) {
        registry.counter("dedup_decisions", "outcome", outcome).increment();
    }

    /**
     * One answered request: {@code route} is the route table's path of the route that answered, or
     * {@link #UNMATCHED}.
     */
    void answered(String method, String route, int status, long nanos) {
        Timer.builder("dedup_http_requests").tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", route).tag("status", String.valueOf(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
