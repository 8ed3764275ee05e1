package org.dedup.domain.search;

import java.util.List;

import org.dedup.domain.model.TenantId;

/**
 * Port: the answers a tenant's people gave while labelling pairs for the tenant's model (active learning). A new
 * answer for a pair replaces the earlier one; a tenant sees its own answers only.
 */
public interface PairLabelStore {

    /** Stores the answer, replacing an earlier answer for the same pair. */
    void save(TenantId tenant, PairLabel label);

    /** Every answer of the tenant, oldest first. */
    List<PairLabel> all(TenantId tenant);
}
