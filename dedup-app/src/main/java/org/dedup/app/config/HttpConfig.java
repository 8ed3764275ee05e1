package org.dedup.app.config;

/**
 * The HTTP API: port, the largest request body accepted, and how incoming leads are decided: by
 * {@code arrivalWorkers} workers, each taking up to {@code maxArrivalBatch} leads that arrived meanwhile into one
 * transaction. Each worker holds a database connection while it decides, so keep the workers below the pool size.
 */
public record HttpConfig(Integer port, Integer maxBodyBytes, Integer arrivalWorkers, Integer maxArrivalBatch) {
    /**
     * A batch holds a PostgreSQL advisory lock per match key of its arrivals until it commits, in a lock table shared
     * by every session (64 per connection by default, {@code max_locks_per_transaction}): 256 arrivals of a few keys
     * each stay well inside it.
     */
    private static final int MAX_BATCH = 256;
    /** Each request's body is held in memory whole while it is read. */
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    public HttpConfig {
        port = port == null ? 8080 : port;
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
        arrivalWorkers = arrivalWorkers == null ? 4 : arrivalWorkers;
        maxArrivalBatch = maxArrivalBatch == null ? 32 : maxArrivalBatch;
        if (port < 0 || port > 65_535) {
            throw new ConfigException("http.port", "must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new ConfigException("http.maxBodyBytes", "must be between 1024 and " + MAX_BODY_BYTES
                    + " (64 MiB), was " + maxBodyBytes);
        }
        if (arrivalWorkers < 1 || arrivalWorkers > 256) {
            throw new ConfigException("http.arrivalWorkers", "must be between 1 and 256, was " + arrivalWorkers);
        }
        if (maxArrivalBatch < 1 || maxArrivalBatch > MAX_BATCH) {
            throw new ConfigException("http.maxArrivalBatch", "must be between 1 and " + MAX_BATCH + ", was "
                    + maxArrivalBatch);
        }
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null, null, null);
    }

    /** The API on {@code port} (0: any free one) taking bodies up to {@code maxBodyBytes}, otherwise as default. */
    public static HttpConfig on(int port, int maxBodyBytes) {
        return new HttpConfig(port, maxBodyBytes, null, null);
    }

    public HttpConfig withPort(int newPort) {
        return new HttpConfig(newPort, maxBodyBytes, arrivalWorkers, maxArrivalBatch);
    }
}
