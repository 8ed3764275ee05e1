package org.dedup.core.arrivals;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;

/**
 * The arrivals of one tenant decided the whole way, as any other, in a transaction that is then rolled back: their
 * leads, decisions, idempotency records and events are written and read as a real arrival's are, and none of them is
 * kept. A server's warm-up sends its synthetic leads so, through the same queue and workers as real ones, before its
 * port opens; no client can name the tenant.
 */
public record Rehearsal(TenantId tenant, Transactor transactor) {
    /** The tenant a server's warm-up rehearses under; a configured tenant may not be named so. */
    public static final TenantId TENANT = new TenantId("dedup-warm-up");

    public Rehearsal {
        Require.nonNull(tenant, "rehearsal tenant");
        Require.nonNull(transactor, "rehearsal transactor");
    }

    /** Thrown to end a rehearsal's transaction: nothing it wrote is kept. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    boolean of(LeadArrival arrival) {
        return arrival.incoming().tenant().equals(tenant);
    }

    /** What {@code work} returns, all it wrote rolled back. */
    public <T> T rolledBack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            transactor.inTransaction(() -> {
                result.set(work.get());
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the transaction was rolled back, as intended
        }
        return result.get();
    }
}
