package org.dedup.domain.store;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Require;

/** A match key and how many stored leads of a tenant have it. */
public record SharedKey(MatchKey key, int leads) {
    public SharedKey {
        Require.nonNull(key, "shared key");
        Require.positive(leads, "leads sharing the key");
    }
}
