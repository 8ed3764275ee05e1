package org.dedup.app.config;

/** The HTTP API: port and the largest request body accepted. */
public record HttpConfig(Integer port, Integer maxBodyBytes) {
    public HttpConfig {
        port = port == null ? 8080 : port;
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
        if (port < 0 || port > 65_535) {
            throw new ConfigException("http.port", "must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1_024) {
            throw new ConfigException("http.maxBodyBytes", "must be at least 1024, was " + maxBodyBytes);
        }
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null);
    }
}
