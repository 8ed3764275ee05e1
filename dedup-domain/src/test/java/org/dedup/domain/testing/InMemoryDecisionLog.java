package org.dedup.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.TenantId;

public final class InMemoryDecisionLog implements DecisionLog {
    private final List<LoggedDecision> decisions = new ArrayList<>();
    private final Map<TenantId, Map<IdempotencyKey, KeyedDecision>> byKey = new HashMap<>();
    private final List<Recording> recorded = new ArrayList<>();

    @Override
    public void record(TenantId tenant, Decision decision, Instant at) {
        remember(new Recording(tenant, Optional.empty(), decision, at));
    }

    @Override
    public void record(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> fingerprint,
                       Decision decision, Instant at) {
        remember(new Recording(tenant, Optional.of(key), fingerprint, decision, at));
    }

    /** Keeps each recording whole, with who sent its request. */
    @Override
    public void recordAll(List<Recording> recordings) {
        recordings.forEach(this::remember);
    }

    private synchronized void remember(Recording recording) {
        recording.key().ifPresent(key -> {
            Map<IdempotencyKey, KeyedDecision> keys = byKey.computeIfAbsent(recording.tenant(), t -> new HashMap<>());
            if (keys.containsKey(key)) {
                throw new InvalidRecordException("idempotency key " + key.value() + " was used already in tenant "
                        + recording.tenant());
            }
            keys.put(key, new KeyedDecision(recording.decision(), recording.fingerprint()));
        });
        decisions.add(new LoggedDecision(recording.tenant(), recording.decision(), recording.at()));
        recorded.add(recording);
    }

    /** The tenant's decisions as recorded, oldest first, each with who sent its request when that was known. */
    public synchronized List<Recording> recordings(TenantId tenant) {
        return recorded.stream().filter(r -> r.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized Optional<KeyedDecision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return Optional.ofNullable(byKey.getOrDefault(tenant, Map.of()).get(key));
    }

    @Override
    public synchronized List<LoggedDecision> recent(TenantId tenant, int limit) {
        return decisions.stream().filter(d -> d.tenant().equals(tenant))
                .sorted(Comparator.comparing(LoggedDecision::at).reversed()).limit(limit).toList();
    }
}
