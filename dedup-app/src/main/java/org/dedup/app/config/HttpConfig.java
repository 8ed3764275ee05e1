package org.dedup.app.config;

import java.util.Optional;

/**
 * The HTTP API: the address it listens on, the largest request body accepted, how long a client may take to send a
 * request, and how incoming leads are decided: by {@code arrivalWorkers} workers, each taking up to
 * {@code maxArrivalBatch} leads that arrived meanwhile into one transaction. Each worker holds a database connection
 * while it decides, so keep the workers below the pool size.
 *
 * @param arrivalLingerMicros  how long a lead a worker finds alone waits for a second one to share its transaction;
 *                             0, the default, decides it at once. Fewer transactions for the same leads, each lead
 *                             that waits decided that much later (at 1,000/s, 1 ms: 9 % less CPU, p50 1 ms longer,
 *                             the same p99; BENCHMARKS.md, fourteenth pass)
 *
 * @param host                 the address to listen on: 127.0.0.1 (the default) for this machine only, 0.0.0.0 for every
 *                             interface
 * @param headerTimeoutMillis  a request whose line and headers are not all in by then is refused and its connection
 *                             closed, however slowly its bytes keep coming (slowloris)
 * @param idleTimeoutMillis    a connection on which nothing arrives for this long, between requests or inside a body,
 *                             is closed
 * @param metricsKey           when set, {@code GET /metrics} asks for {@code Authorization: Bearer <key>}; configured as the
 *                             key or its hash ({@code sha256:<hex>}), held as the hash only from construction on, as
 *                             a tenant's API key is ({@link TenantConfig}), so the plain key never stays in memory
 * @param warmUpMaxSeconds     the longest the warm-up before the port opens may take: rounds of synthetic leads,
 *                             decided and rolled back, until the JIT has settled, so that the first minute is served
 *                             warm; 0 for none
 */
public record HttpConfig(String host, Integer port, Integer maxBodyBytes, Integer arrivalWorkers,
                         Integer maxArrivalBatch, Integer headerTimeoutMillis, Integer idleTimeoutMillis,
                         String metricsKey, Integer warmUpMaxSeconds, Integer arrivalLingerMicros) {
    /**
     * A batch holds a PostgreSQL advisory lock per match key of its arrivals until it commits, in a lock table shared
     * by every session (64 per connection by default, {@code max_locks_per_transaction}): 256 arrivals of a few keys
     * each stay well inside it.
     */
    private static final int MAX_BATCH = 256;
    /** Far above any lead (a few KB); a larger limit only lets one request take the heap. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_TIMEOUT_MILLIS = 3_600_000;
    private static final int DEFAULT_WARM_UP_SECONDS = 120;
    private static final int MAX_WARM_UP_SECONDS = 3_600;
    private static final int MAX_LINGER_MICROS = 100_000;

    public HttpConfig {
        host = host == null ? "127.0.0.1" : host.strip();
        port = port == null ? 8080 : port;
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
        arrivalWorkers = arrivalWorkers == null ? 4 : arrivalWorkers;
        maxArrivalBatch = maxArrivalBatch == null ? 32 : maxArrivalBatch;
        headerTimeoutMillis = headerTimeoutMillis == null ? 10_000 : headerTimeoutMillis;
        idleTimeoutMillis = idleTimeoutMillis == null ? 30_000 : idleTimeoutMillis;
        warmUpMaxSeconds = warmUpMaxSeconds == null ? DEFAULT_WARM_UP_SECONDS : warmUpMaxSeconds;
        arrivalLingerMicros = arrivalLingerMicros == null ? 0 : arrivalLingerMicros;
        if (host.isEmpty()) {
            throw new ConfigException("http.host", "must be an address such as 127.0.0.1 or 0.0.0.0, was empty");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException("http.port", "must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new ConfigException("http.maxBodyBytes", "must be between 1024 and " + MAX_BODY_BYTES + ", was "
                    + maxBodyBytes);
        }
        if (arrivalWorkers < 1 || arrivalWorkers > 256) {
            throw new ConfigException("http.arrivalWorkers", "must be between 1 and 256, was " + arrivalWorkers);
        }
        if (maxArrivalBatch < 1 || maxArrivalBatch > MAX_BATCH) {
            throw new ConfigException("http.maxArrivalBatch", "must be between 1 and " + MAX_BATCH + ", was "
                    + maxArrivalBatch);
        }
        if (arrivalLingerMicros < 0 || arrivalLingerMicros > MAX_LINGER_MICROS) {
            throw new ConfigException("http.arrivalLingerMicros", "must be between 0 and " + MAX_LINGER_MICROS
                    + ", was " + arrivalLingerMicros);
        }
        requireTimeout("http.headerTimeoutMillis", headerTimeoutMillis);
        requireTimeout("http.idleTimeoutMillis", idleTimeoutMillis);
        if (warmUpMaxSeconds < 0 || warmUpMaxSeconds > MAX_WARM_UP_SECONDS) {
            throw new ConfigException("http.warmUpMaxSeconds", "must be between 0 and " + MAX_WARM_UP_SECONDS + ", was "
                    + warmUpMaxSeconds);
        }
        if (metricsKey != null && !metricsKey.startsWith(TenantConfig.HASH_PREFIX) && metricsKey.length() < 16) {
            throw new ConfigException("http.metricsKey", "must be at least 16 characters when set");
        }
        metricsKey = metricsKey == null ? null : TenantConfig.hashed(metricsKey, "http.metricsKey");
    }

    /** The SHA-256 of the metrics key, when one is set. */
    public Optional<byte[]> metricsKeyHash() {
        return Optional.ofNullable(metricsKey).map(TenantConfig::hashBytes);
    }

    private static void requireTimeout(String key, int millis) {
        if (millis < 100 || millis > MAX_TIMEOUT_MILLIS) {
            throw new ConfigException(key, "must be between 100 and " + MAX_TIMEOUT_MILLIS + ", was " + millis);
        }
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The API on {@code port} (0: any free one) taking bodies up to {@code maxBodyBytes}, started cold (no warm-up:
     * {@link #withWarmUp}), otherwise as default.
     */
    public static HttpConfig on(int port, int maxBodyBytes) {
        return new HttpConfig(null, port, maxBodyBytes, null, null, null, null, null, 0, null);
    }

    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, maxBodyBytes, arrivalWorkers, maxArrivalBatch, headerTimeoutMillis,
                idleTimeoutMillis, metricsKey, warmUpMaxSeconds, arrivalLingerMicros);
    }

    public HttpConfig withHost(String newHost) {
        return new HttpConfig(newHost, port, maxBodyBytes, arrivalWorkers, maxArrivalBatch, headerTimeoutMillis,
                idleTimeoutMillis, metricsKey, warmUpMaxSeconds, arrivalLingerMicros);
    }

    public HttpConfig withTimeouts(int headerMillis, int idleMillis) {
        return new HttpConfig(host, port, maxBodyBytes, arrivalWorkers, maxArrivalBatch, headerMillis, idleMillis,
                metricsKey, warmUpMaxSeconds, arrivalLingerMicros);
    }

    public HttpConfig withMetricsKey(String key) {
        return new HttpConfig(host, port, maxBodyBytes, arrivalWorkers, maxArrivalBatch, headerTimeoutMillis,
                idleTimeoutMillis, key, warmUpMaxSeconds, arrivalLingerMicros);
    }

    public HttpConfig withWarmUp(int maxSeconds) {
        return new HttpConfig(host, port, maxBodyBytes, arrivalWorkers, maxArrivalBatch, headerTimeoutMillis,
                idleTimeoutMillis, metricsKey, maxSeconds, arrivalLingerMicros);
    }
}
