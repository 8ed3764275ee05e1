package org.dedup.app.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.model.TenantId;

/** Who a request is: the tenant its API key names, the client throttled after too many wrong keys. */
final class Authentication {
    private final ApiKeys keys;
    private final FailedKeyAttempts failures;

    Authentication(ApiKeys keys, FailedKeyAttempts failures) {
        this.keys = keys;
        this.failures = failures;
    }

    /** The tenant of {@code key}; 401 when it is missing or wrong, 429 with Retry-After while the client waits. */
    TenantId tenant(String key, String client) {
        if (key == null) {
            throw new HttpProblem(401, "the X-Api-Key header is required");
        }
        Optional<Duration> wait = failures.wait(client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1_000);
            throw new HttpProblem(429, "too many wrong API keys from this address; retry in " + seconds + " s",
                    Map.of("Retry-After", String.valueOf(seconds)));
        }
        Optional<TenantId> tenant = keys.find(key);
        if (tenant.isEmpty()) {
            failures.failed(client);
            throw new HttpProblem(401, "the API key is not valid");
        }
        return tenant.get();
    }
}
