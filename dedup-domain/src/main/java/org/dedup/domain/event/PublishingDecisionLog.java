package org.dedup.domain.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;

/**
 * The decision log, telling of each decision that leaves duplicates for a person ({@code review.opened}: pending
 * review, or more matches than the merge limit) through the outbox, in the transaction that records the decision.
 */
public final class PublishingDecisionLog implements DecisionLog {
    private final DecisionLog log;
    private final EventOutbox outbox;
    private final Transactor transactor;

    public PublishingDecisionLog(DecisionLog log, EventOutbox outbox, Transactor transactor) {
        this.log = log;
        this.outbox = outbox;
        this.transactor = transactor;
    }

    @Override
    public void record(TenantId tenant, Decision decision, Instant at) {
        recordedTelling(List.of(new Recording(tenant, Optional.empty(), decision, at)),
                () -> log.record(tenant, decision, at));
    }

    @Override
    public void record(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> fingerprint,
                       Decision decision, Instant at) {
        recordedTelling(List.of(new Recording(tenant, Optional.of(key), fingerprint, decision, at)),
                () -> log.record(tenant, key, fingerprint, decision, at));
    }

    @Override
    public void recordAll(List<Recording> recordings) {
        recordedTelling(recordings, () -> log.recordAll(recordings));
    }

    /**
     * Records by {@code recording} and adds the events of {@code recordings} to the outbox, in one transaction (the
     * caller's, or one of their own when it has none). Most decisions tell of nothing: those are only recorded, and
     * cost no savepoint.
     */
    private void recordedTelling(List<Recording> recordings, Runnable recording) {
        List<DomainEvent> events = recordings.stream().flatMap(r -> toReview(r).stream()).toList();
        if (events.isEmpty()) {
            recording.run();
            return;
        }
        transactor.inTransaction(() -> {
            recording.run();
            outbox.add(events);
            return null;
        });
    }

    @Override
    public Optional<KeyedDecision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return log.findByIdempotencyKey(tenant, key);
    }

    @Override
    public Map<IdempotencyKey, KeyedDecision> findByIdempotencyKeys(TenantId tenant, Collection<IdempotencyKey> keys) {
        return log.findByIdempotencyKeys(tenant, keys);
    }

    @Override
    public List<LoggedDecision> recent(TenantId tenant, int limit) {
        return log.recent(tenant, limit);
    }

    private static Optional<DomainEvent> toReview(Recording recording) {
        return switch (recording.decision()) {
            case Decision.PendingReview pending -> Optional.of(review(recording, "pending_review", pending));
            case Decision.SkippedTooManyMatches skipped -> Optional.of(review(recording, "too_many_matches", skipped));
            case Decision.Created created -> Optional.empty();
            case Decision.Merged merged -> Optional.empty();
            case Decision.Updated updated -> Optional.empty();
        };
    }

    private static DomainEvent review(Recording recording, String reason, Decision decision) {
        return DomainEvent.of(recording.tenant(), recording.at(), new EventData.DuplicatesToReview(decision.lead(),
                reason, decision.candidates().stream().map(MatchCandidate::record).distinct().toList()));
    }
}
