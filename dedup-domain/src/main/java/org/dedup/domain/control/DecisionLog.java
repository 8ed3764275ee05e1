package org.dedup.domain.control;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** Port: every decision duplicate control took, for idempotent retries, review queues and statistics. */
public interface DecisionLog {

    void record(TenantId tenant, Decision decision, Instant at);

    /** Records a decision under a key; a second record under the same key is refused with an exception. */
    void record(TenantId tenant, IdempotencyKey key, Decision decision, Instant at);

    /** Several {@link #record}s, each under its key if it has one, in as few round trips as the store allows. */
    default void recordAll(List<Recording> recordings) {
        for (Recording r : recordings) {
            r.key().ifPresentOrElse(key -> record(r.tenant(), key, r.decision(), r.at()),
                    () -> record(r.tenant(), r.decision(), r.at()));
        }
    }

    Optional<Decision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /** The decisions recorded under any of {@code keys}, by key, in as few round trips as the store allows. */
    default Map<IdempotencyKey, Decision> findByIdempotencyKeys(TenantId tenant, Collection<IdempotencyKey> keys) {
        Map<IdempotencyKey, Decision> found = new HashMap<>();
        keys.forEach(key -> findByIdempotencyKey(tenant, key).ifPresent(decision -> found.put(key, decision)));
        return found;
    }

    /** The newest decisions first, at most {@code limit}. */
    List<LoggedDecision> recent(TenantId tenant, int limit);

    record LoggedDecision(TenantId tenant, Decision decision, Instant at) {
    }

    /** A decision to record, under an idempotency key or none. */
    record Recording(TenantId tenant, Optional<IdempotencyKey> key, Decision decision, Instant at) {
        public Recording {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(key, "idempotency key");
            Require.nonNull(decision, "decision");
            Require.nonNull(at, "decision time");
        }
    }
}
