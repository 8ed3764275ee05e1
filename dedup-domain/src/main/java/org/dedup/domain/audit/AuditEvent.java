package org.dedup.domain.audit;

import java.time.Instant;
import java.util.UUID;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * One write and who made it: {@code action} is what kind of write it was and {@code subject} what it wrote (a merge
 * id, a marked pair, a review item id; see each {@link AuditAction}).
 */
public record AuditEvent(UUID id, TenantId tenant, Instant at, String actor, AuditAction action, String subject) {
    public static final int MAX_ACTOR_LENGTH = 256;

    public AuditEvent {
        Require.nonNull(id, "audit event id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(at, "write time");
        Require.nonBlank(actor, "actor");
        if (actor.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("an actor is at most " + MAX_ACTOR_LENGTH + " characters");
        }
        Require.nonNull(action, "audited action");
        Require.nonBlank(subject, "audited subject");
    }

    public Position position() {
        return new Position(at, id);
    }
}
