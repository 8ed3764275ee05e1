package org.dedup.domain.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.PairLabel;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.RecordPair;

/** Labelled pairs in memory, per tenant, for engine tests. */
public final class InMemoryPairLabels implements PairLabelStore {
    private final Map<TenantId, Map<RecordPair, PairLabel>> labels = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(TenantId tenant, PairLabel label) {
        Map<RecordPair, PairLabel> ofTenant = labels.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
        ofTenant.remove(label.pair());
        ofTenant.put(label.pair(), label);
    }

    @Override
    public synchronized List<PairLabel> all(TenantId tenant) {
        List<PairLabel> all = new ArrayList<>(labels.getOrDefault(tenant, Map.of()).values());
        all.sort(Comparator.comparing(PairLabel::labelledAt));
        return all;
    }
}
