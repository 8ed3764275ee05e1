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

    /**
     * Records a decision under a key, with the fingerprint of the request it answered if one is known; a second
     * record under the same key is refused with an exception.
     */
    void record(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> fingerprint, Decision decision,
                Instant at);

    /** Records a decision under a key, its request's fingerprint unknown. */
    default void record(TenantId tenant, IdempotencyKey key, Decision decision, Instant at) {
        record(tenant, key, Optional.empty(), decision, at);
    }

    /** Several {@link #record}s, each under its key if it has one, in as few round trips as the store allows. */
    default void recordAll(List<Recording> recordings) {
        for (Recording r : recordings) {
            r.key().ifPresentOrElse(key -> record(r.tenant(), key, r.fingerprint(), r.decision(), r.at()),
                    () -> record(r.tenant(), r.decision(), r.at()));
        }
    }

    Optional<KeyedDecision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /** The decisions recorded under any of {@code keys}, by key, in as few round trips as the store allows. */
    default Map<IdempotencyKey, KeyedDecision> findByIdempotencyKeys(TenantId tenant,
                                                                     Collection<IdempotencyKey> keys) {
        Map<IdempotencyKey, KeyedDecision> found = new HashMap<>();
        keys.forEach(key -> findByIdempotencyKey(tenant, key).ifPresent(decision -> found.put(key, decision)));
        return found;
    }

    /** The newest decisions first, at most {@code limit}. */
    List<LoggedDecision> recent(TenantId tenant, int limit);

    record LoggedDecision(TenantId tenant, Decision decision, Instant at) {
    }

    /** A decision recorded under an idempotency key, with the fingerprint of its request if one was known. */
    record KeyedDecision(Decision decision, Optional<RequestFingerprint> fingerprint) {
        public KeyedDecision {
            Require.nonNull(decision, "decision");
            Require.nonNull(fingerprint, "request fingerprint");
        }

        /**
         * The decision to answer a later request under {@code key} with: the first decision for a retry of the same
         * request (or when either fingerprint is unknown).
         *
         * @throws IdempotencyKeyReusedException when the later request is a different one
         */
        public Decision replayedFor(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> request) {
            if (fingerprint.isPresent() && request.isPresent() && !fingerprint.equals(request)) {
                throw new IdempotencyKeyReusedException(tenant, key);
            }
            return decision;
        }
    }

    /**
     * A decision to record, under an idempotency key (with its request's fingerprint, if known) or none, with who sent
     * the request it answers when that is known.
     */
    record Recording(TenantId tenant, Optional<IdempotencyKey> key, Optional<RequestFingerprint> fingerprint,
                     Decision decision, Instant at, Optional<String> actor) {
        public Recording {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(key, "idempotency key");
            Require.nonNull(fingerprint, "request fingerprint");
            Require.nonNull(decision, "decision");
            Require.nonNull(at, "decision time");
            Require.nonNull(actor, "actor");
        }

        public Recording(TenantId tenant, Optional<IdempotencyKey> key, Optional<RequestFingerprint> fingerprint,
                         Decision decision, Instant at) {
            this(tenant, key, fingerprint, decision, at, Optional.empty());
        }

        public Recording(TenantId tenant, Optional<IdempotencyKey> key, Decision decision, Instant at) {
            this(tenant, key, Optional.empty(), decision, at);
        }

        /**
         * The decision of the check after a lead was updated, under no idempotency key (a merge right after an
         * arrival was added is recorded under the arrival's key, as the answer it was given).
         */
        public static Recording ofLaterCheck(TenantId tenant, Decision decision, Instant at, Optional<String> actor) {
            return new Recording(tenant, Optional.empty(), Optional.empty(), decision, at, actor);
        }
    }
}
