package org.dedup.domain.audit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** Port: who made which write, recorded in the write's transaction; every call reaches one tenant's events only. */
public interface AuditTrail {

    void record(AuditEvent event);

    /** The tenant's events about any of {@code subjects}, oldest first. */
    List<AuditEvent> about(TenantId tenant, Collection<String> subjects);

    /**
     * Which events: by one actor, of some actions (empty: of every one), about one subject, in the page's time
     * range and after its position.
     */
    record Query(Optional<String> actor, Set<AuditAction> actions, Optional<String> subject, TimePage page) {
        public Query {
            Require.nonNull(actor, "actor");
            actions = Require.copy(actions, "audited actions");
            Require.nonNull(subject, "audited subject");
            Require.nonNull(page, "page");
        }
    }

    /** A page of the tenant's events, newest first: at most {@code query}'s limit. */
    List<AuditEvent> page(TenantId tenant, Query query);
}
