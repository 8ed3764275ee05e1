package org.dedup.domain.control;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** A request under an idempotency key whose first request was a different one: nothing is decided or stored. */
public final class IdempotencyKeyReusedException extends DedupException {
    public IdempotencyKeyReusedException(TenantId tenant, IdempotencyKey key) {
        super("Idempotency-Key '" + Require.abbreviate(key.value()) + "' of tenant " + tenant + " was first used for a different "
                + "request; a key may only be reused to retry the same request (use a new key for a new request)");
    }
}
