package org.dedup.domain.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dedup.domain.model.TenantId;

/** Port: every decision duplicate control took, for idempotent retries, review queues and statistics. */
public interface DecisionLog {

    void record(TenantId tenant, Decision decision, Instant at);

    /** Records a decision under a key; a second record under the same key is refused with an exception. */
    void record(TenantId tenant, IdempotencyKey key, Decision decision, Instant at);

    Optional<Decision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /** The newest decisions first, at most {@code limit}. */
    List<LoggedDecision> recent(TenantId tenant, int limit);

    record LoggedDecision(TenantId tenant, Decision decision, Instant at) {
    }
}
