package org.dedup.domain.search;

import java.util.List;

import org.dedup.domain.model.TenantId;

/** Port: the groups found by the latest bulk search of each tenant. */
public interface DuplicateGroupStore {

    List<DuplicateGroup> groups(TenantId tenant);

    /** Replaces the tenant's groups with {@code groups}, as {@link #replace(TenantId, GroupSource)} does. */
    default void replace(TenantId tenant, List<DuplicateGroup> groups) {
        replace(tenant, groups::forEach);
    }

    /**
     * Replaces the tenant's groups with those {@code groups} gives, read once, in that order; the store holds a few
     * of them at a time, never the whole set. Atomically: a reader sees the old groups or the new ones, never a mix
     * or none; of concurrent replacements one whole set is left; a replacement that fails (a group id given twice,
     * the source throwing, the process stopping) leaves the old groups.
     */
    void replace(TenantId tenant, GroupSource groups);
}
