package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.google.inject.Inject;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of server start before the port opens: synthetic leads of a throwaway tenant go the way a real arrival
 * goes (its JSON read, duplicate control with its key locks, reads and writes, the decision written as JSON), a few
 * at a time in a transaction that is then rolled back, so that the pool's connections, the database's statement
 * plans, class loading and the JIT are warm when the first client comes, and nothing is left behind. Every fifth lead
 * repeats an earlier one's email, so merges are exercised too.
 */
final class WarmUp {
    /** The tenant the synthetic leads belong to; a configured tenant may not be named so. */
    static final TenantId TENANT = new TenantId("dedup-warm-up");
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final int PER_TRANSACTION = 10;
    private static final int DUPLICATE_EVERY = 5;
    private final DuplicateControl control;
    private final Transactor transactor;
    private final JsonBodies json;

    /** What the warm-up did: arrivals decided (and rolled back), how many of them merged, and how long it took. */
    record Done(int arrivals, int merged, Duration took) {
    }

    /** Thrown to end a warm-up transaction: nothing it wrote is kept. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    @Inject
    WarmUp(DuplicateControl control, Transactor transactor, JsonBodies json) {
        this.control = control;
        this.transactor = transactor;
        this.json = json;
    }

    /** Decides {@code arrivals} synthetic leads, stopping early once {@code budget} is spent. */
    Done run(int arrivals, Duration budget) {
        Instant start = Instant.now();
        Instant deadline = start.plus(budget);
        int decided = 0;
        int merged = 0;
        while (decided < arrivals && Instant.now().isBefore(deadline)) {
            int count = Math.min(PER_TRANSACTION, arrivals - decided);
            merged += round(decided, count);
            decided += count;
        }
        Done done = new Done(decided, merged, Duration.between(start, Instant.now()));
        if (decided == 0) {
            return done;
        }
        LOG.info("warmed up with {} synthetic arrivals ({} merged) in {} ms, all rolled back", done.arrivals(),
                done.merged(), done.took().toMillis());
        return done;
    }

    /** Decides {@code count} leads from the {@code first} in one transaction, rolled back; how many merged. */
    private int round(int first, int count) {
        int[] merged = {0};
        try {
            transactor.inTransaction(() -> {
                for (int i = first; i < first + count; i++) {
                    IncomingLeadRequest request = json.parse(lead(i), IncomingLeadRequest.class);
                    Decision decision = control.receive(request.toIncomingLead(TENANT));
                    json.write(DecisionView.of(decision));
                    merged[0] += decision instanceof Decision.Merged ? 1 : 0;
                }
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the transaction was rolled back, as intended
        }
        return merged[0];
    }

    private static byte[] lead(int i) {
        int person = i % DUPLICATE_EVERY == DUPLICATE_EVERY - 1 ? i - 1 : i;
        return """
                {"name": "Warm-up %d", "pipeline": "warm-up", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Person %d", "primary": true, "emails": ["person%d@warm-up.example"],
                               "phones": [{"type": "mobile", "number": "+44 20 7946 %04d"}]}]}"""
                .formatted(i, person, person, person % 10_000).getBytes(StandardCharsets.UTF_8);
    }
}
