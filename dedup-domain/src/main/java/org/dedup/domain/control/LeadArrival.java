package org.dedup.domain.control;

import java.util.Optional;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/**
 * An incoming lead as it arrives, with the idempotency key its request carried, if any, and the fingerprint of
 * that request: a later arrival under the key with another fingerprint is refused instead of answered with the first
 * decision. Without a fingerprint a keyed arrival is taken for a retry of whatever came first under its key.
 * {@code actor} is who sent it (an API key's name, a caller-named person or system), recorded with its decision.
 */
public record LeadArrival(IncomingLead incoming, Optional<IdempotencyKey> key,
                          Optional<RequestFingerprint> fingerprint, Optional<String> actor) {
    public LeadArrival {
        Require.nonNull(incoming, "incoming lead");
        Require.nonNull(key, "idempotency key");
        Require.nonNull(fingerprint, "request fingerprint");
        Require.nonNull(actor, "actor");
        actor.ifPresent(a -> Require.nonBlank(a, "actor"));
        if (fingerprint.isPresent() && key.isEmpty()) {
            throw new InvalidRecordException("a request fingerprint is only kept with an idempotency key");
        }
    }

    public LeadArrival(IncomingLead incoming, Optional<IdempotencyKey> key,
                       Optional<RequestFingerprint> fingerprint) {
        this(incoming, key, fingerprint, Optional.empty());
    }

    public LeadArrival(IncomingLead incoming, Optional<IdempotencyKey> key) {
        this(incoming, key, Optional.empty());
    }

    /** This arrival, sent by {@code actor}. */
    public LeadArrival by(String actor) {
        return new LeadArrival(incoming, key, fingerprint, Optional.of(actor));
    }

    /** An arrival under {@code key} whose request has {@code fingerprint}. */
    public static LeadArrival keyed(IncomingLead incoming, IdempotencyKey key, RequestFingerprint fingerprint) {
        return new LeadArrival(incoming, Optional.of(key), Optional.of(fingerprint));
    }
}
