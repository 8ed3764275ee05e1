package org.dedup.domain.search;

import java.util.List;

import org.dedup.domain.model.TenantId;

/** Port: the groups found by the latest bulk search of each tenant. */
public interface DuplicateGroupStore {

    List<DuplicateGroup> groups(TenantId tenant);

    /**
     * Replaces the tenant's groups with the result of a new search, atomically: a reader sees the old groups or the
     * new ones, never a mix or none; of concurrent replacements one whole set is left; a replacement that fails
     * (a group id given twice, the process stopping) leaves the old groups.
     */
    void replace(TenantId tenant, List<DuplicateGroup> groups);
}
