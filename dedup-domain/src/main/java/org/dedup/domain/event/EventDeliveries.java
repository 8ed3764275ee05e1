package org.dedup.domain.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dedup.domain.model.TenantId;

/**
 * Port: the outbox seen by the dispatchers that deliver it, one delivery per event and webhook. Any number of
 * dispatchers (one per server) may share it: a delivery is claimed by one of them at a time, for a lease, and one
 * whose dispatcher died is due again once the lease ran out, so none is lost.
 */
public interface EventDeliveries {

    /**
     * Claims up to {@code limit} of {@code tenant}'s deliveries due at {@code now}, the oldest due first: none of them
     * is due again before {@code now + lease}, and each claim counts as an attempt. Other tenants' deliveries are
     * never read or claimed.
     */
    List<Delivery> claimDue(TenantId tenant, Instant now, Duration lease, int limit);

    /** The receiver accepted it: the delivery is removed. */
    void delivered(Delivery delivery);

    /** The attempt failed: the delivery is due again at {@code at}; {@code error} is kept for operators. */
    void retryAt(Delivery delivery, Instant at, String error);

    /** The last attempt failed: the delivery is kept, no longer due, with when and why. */
    void gaveUp(Delivery delivery, Instant at, String error);
}
