package org.dedup.domain.control;

import java.util.Optional;

import org.dedup.domain.model.Require;

/** An incoming lead as it arrives, with the idempotency key its request carried, if any. */
public record LeadArrival(IncomingLead incoming, Optional<IdempotencyKey> key) {
    public LeadArrival {
        Require.nonNull(incoming, "incoming lead");
        Require.nonNull(key, "idempotency key");
    }
}
