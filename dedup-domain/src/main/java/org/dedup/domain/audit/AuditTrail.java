package org.dedup.domain.audit;

import java.util.Collection;
import java.util.List;

import org.dedup.domain.model.TenantId;

/** Port: who made which write, recorded in the write's transaction; every call reaches one tenant's events only. */
public interface AuditTrail {

    void record(AuditEvent event);

    /** The tenant's events about any of {@code subjects}, oldest first. */
    List<AuditEvent> about(TenantId tenant, Collection<String> subjects);
}
