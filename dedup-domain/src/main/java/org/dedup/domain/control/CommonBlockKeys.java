package org.dedup.domain.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;

/**
 * The keys of a blocking model (BIG DATA) found shared by more of a tenant's leads than the model's largest block: a
 * common name in a large CRM. Such a block is never looked at, so once found the key is no longer probed, locked or
 * looked up, as the keys training found shared by too many records never form a key: arrivals of namesakes no longer
 * wait for each other's key locks. Blocks only grow while leads arrive (a merge removes one lead), so a key stays
 * common. At most {@value #MAX_KEYS} keys are kept; past that, further common keys are probed and skipped as before.
 */
final class CommonBlockKeys {
    static final int MAX_KEYS = 100_000;
    private final Set<Entry> keys = ConcurrentHashMap.newKeySet();

    private record Entry(TenantId tenant, MatchKey key) {
    }

    boolean common(TenantId tenant, MatchKey key) {
        return keys.contains(new Entry(tenant, key));
    }

    /** The lookup of {@code key} found a block larger than its model looks at. */
    void found(TenantId tenant, MatchKey key) {
        if (keys.size() < MAX_KEYS) {
            keys.add(new Entry(tenant, key));
        }
    }
}
