package org.dedup.domain.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * The decision log that also opens a review item for each decision a person has to take up (pending review, too
 * many matches), in the transaction that records the decision: no such decision is logged without its item.
 */
public final class ReviewingDecisionLog implements DecisionLog {
    private final DecisionLog log;
    private final ReviewStore reviews;

    public ReviewingDecisionLog(DecisionLog log, ReviewStore reviews) {
        this.log = Require.nonNull(log, "decision log");
        this.reviews = Require.nonNull(reviews, "review store");
    }

    @Override
    public void record(TenantId tenant, Decision decision, Instant at) {
        log.record(tenant, decision, at);
        open(tenant, decision, at);
    }

    @Override
    public void record(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> fingerprint,
                       Decision decision, Instant at) {
        log.record(tenant, key, fingerprint, decision, at);
        open(tenant, decision, at);
    }

    @Override
    public void recordAll(List<Recording> recordings) {
        log.recordAll(recordings);
        recordings.forEach(r -> open(r.tenant(), r.decision(), r.at()));
    }

    @Override
    public Optional<KeyedDecision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return log.findByIdempotencyKey(tenant, key);
    }

    @Override
    public Map<IdempotencyKey, KeyedDecision> findByIdempotencyKeys(TenantId tenant,
                                                                    Collection<IdempotencyKey> keys) {
        return log.findByIdempotencyKeys(tenant, keys);
    }

    @Override
    public List<LoggedDecision> recent(TenantId tenant, int limit) {
        return log.recent(tenant, limit);
    }

    private void open(TenantId tenant, Decision decision, Instant at) {
        switch (decision) {
            case Decision.PendingReview pending when hasCandidates(pending) ->
                    reviews.open(ReviewItem.of(tenant, ReviewSource.PENDING_REVIEW, pending, at));
            case Decision.SkippedTooManyMatches skipped when hasCandidates(skipped) ->
                    reviews.open(ReviewItem.of(tenant, ReviewSource.TOO_MANY_MATCHES, skipped, at));
            default -> {
            }
        }
    }

    /** A decision whose candidates are all its own lead leaves nothing to compare. */
    private static boolean hasCandidates(Decision decision) {
        return decision.candidates().stream().anyMatch(c -> !c.record().equals(decision.lead()));
    }
}
