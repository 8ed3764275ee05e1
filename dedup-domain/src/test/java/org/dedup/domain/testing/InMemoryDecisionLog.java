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

    @Override
    public synchronized void record(TenantId tenant, Decision decision, Instant at) {
        decisions.add(new LoggedDecision(tenant, decision, at));
    }

    @Override
    public synchronized void record(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> fingerprint,
                                    Decision decision, Instant at) {
        Map<IdempotencyKey, KeyedDecision> keys = byKey.computeIfAbsent(tenant, t -> new HashMap<>());
        if (keys.containsKey(key)) {
            throw new InvalidRecordException("idempotency key " + key.value() + " was used already in tenant " + tenant);
        }
        keys.put(key, new KeyedDecision(decision, fingerprint));
        record(tenant, decision, at);
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
