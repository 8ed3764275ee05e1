package org.dedup.domain.control;

import org.dedup.domain.model.Require;

/** A client-chosen key that makes a retried incoming request return the first decision and write nothing. */
public record IdempotencyKey(String value) {
    public IdempotencyKey {
        Require.maxLength(Require.nonBlank(value, "idempotency key"), 128, "idempotency key");
    }
}
