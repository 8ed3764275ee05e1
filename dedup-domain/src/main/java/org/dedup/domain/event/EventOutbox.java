package org.dedup.domain.event;

import java.util.List;

/**
 * Port: the transactional outbox. Events are added by the same transaction as the change they tell of (the call
 * joins the caller's transaction), so an event exists exactly when its change was committed; a background
 * dispatcher delivers them later, at least once, to every webhook the tenant had when they were added. A tenant
 * with no webhook keeps nothing.
 */
public interface EventOutbox {

    void add(List<DomainEvent> events);
}
