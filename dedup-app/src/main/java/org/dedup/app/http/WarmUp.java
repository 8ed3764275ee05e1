package org.dedup.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import com.google.inject.Inject;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of server start before the port opens: synthetic leads of a throwaway tenant go the way a real arrival
 * goes (its JSON read and fingerprinted, duplicate control with its key locks, reads and writes, the decision written
 * as JSON), a few at a time in a transaction that is then rolled back, so that the pool's connections, the database's
 * statement plans, class loading and the JIT are warm when the first client comes, and nothing is left behind. Every
 * fifth lead of a round repeats the one before it, so merges are exercised too. Rounds alternate between arrivals
 * decided one by one and arrivals decided together in batches of growing size, as the arrival queue decides them
 * under load: a server that warmed up only the first path met its first second of load with the batch path cold.
 */
final class WarmUp {
    /** The tenant the synthetic leads belong to; a configured tenant may not be named so. */
    static final TenantId TENANT = new TenantId("dedup-warm-up");
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final int PER_TRANSACTION = 10;
    /** The largest batch a round decides together; rounds cycle through the sizes from 2 up to it. */
    private static final int LARGEST_BATCH = 32;
    private static final int DUPLICATE_EVERY = 5;
    private final DuplicateControl control;
    private final Transactor transactor;
    private final JsonBodies json;

    /**
     * What the warm-up did: arrivals decided (and rolled back), how many of them in batches decided together, how many
     * merged, and how long it took.
     */
    record Done(int arrivals, int together, int merged, Duration took) {
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
        int inBatches = 0;
        int merged = 0;
        int rounds = 0;
        while (decided < arrivals && Instant.now().isBefore(deadline)) {
            int round = rounds++;
            boolean together = round % 2 == 1;
            int size = together ? 2 + (round / 2) % (LARGEST_BATCH - 1) : PER_TRANSACTION;
            int count = Math.min(size, arrivals - decided);
            merged += round(decided, count, together);
            decided += count;
            inBatches += together ? count : 0;
        }
        Done done = new Done(decided, inBatches, merged, Duration.between(start, Instant.now()));
        if (decided == 0) {
            return done;
        }
        LOG.info("warmed up with {} synthetic arrivals ({} in batches, {} merged) in {} ms, all rolled back",
                done.arrivals(), done.together(), done.merged(), done.took().toMillis());
        return done;
    }

    /**
     * Decides {@code count} leads from the {@code first} in one transaction, rolled back, one by one or
     * {@code together}; how many merged.
     */
    private int round(int first, int count, boolean together) {
        int[] merged = {0};
        try {
            transactor.inTransaction(() -> {
                List<LeadArrival> arrivals = IntStream.range(first, first + count).mapToObj(i -> arrival(i, first))
                        .map(this::read).toList();
                List<Decision> decisions = together ? control.receiveTogether(arrivals)
                        : arrivals.stream().map(control::receive).toList();
                for (Decision decision : decisions) {
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

    /** An arrival read as {@code POST /v1/leads} reads one sent with an Idempotency-Key. */
    private LeadArrival read(Synthetic synthetic) {
        JsonNode body = json.tree(synthetic.body());
        IncomingLead lead = json.parse(body, IncomingLeadRequest.class).toIncomingLead(TENANT);
        try {
            return new LeadArrival(lead, Optional.of(synthetic.key()), Optional.of(RequestFingerprints.of(body)),
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("a synthetic lead of the warm-up could not be fingerprinted", e);
        }
    }

    private record Synthetic(byte[] body, IdempotencyKey key) {
    }

    /** The {@code i}th synthetic lead, of a round that starts at {@code first}: its duplicates are in the round too. */
    private static Synthetic arrival(int i, int first) {
        return new Synthetic(lead(i, first), new IdempotencyKey("warm-up-" + i));
    }

    /** The JSON of the {@code i}th synthetic lead, every fifth repeating the person before it. */
    static byte[] lead(int i, int first) {
        int person = (i - first) % DUPLICATE_EVERY == DUPLICATE_EVERY - 1 ? i - 1 : i;
        return """
                {"name": "Warm-up %d", "pipeline": "warm-up", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Person %d", "primary": true, "emails": ["person%d@warm-up.example"],
                               "phones": [{"type": "mobile", "number": "+44 20 7946 %04d"}]}]}"""
                .formatted(i, person, person, person % 10_000).getBytes(StandardCharsets.UTF_8);
    }
}
