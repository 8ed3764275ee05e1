package org.dedup.domain.search;

import java.util.List;

import org.dedup.domain.model.TenantId;

/** Port: the groups found by the latest bulk search of each tenant. */
public interface DuplicateGroupStore {

    List<DuplicateGroup> groups(TenantId tenant);

    /** Replaces the tenant's groups with the result of a new search. */
    void replace(TenantId tenant, List<DuplicateGroup> groups);
}
