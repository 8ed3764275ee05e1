package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.audit.Position;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.model.TenantId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What every {@link AuditTrail} adapter does. */
public abstract class AuditTrailContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract AuditTrail trail();

    private static TenantId aTenant() {
        return new TenantId("audit-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** An event {@code seconds} after T0, recorded. */
    private AuditEvent recorded(TenantId tenant, int seconds, String actor, AuditAction action, String subject) {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), tenant, T0.plusSeconds(seconds), actor, action, subject);
        trail().record(event);
        return event;
    }

    private static AuditTrail.Query all(int limit) {
        return new AuditTrail.Query(Optional.empty(), Set.of(), Optional.empty(),
                new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), limit));
    }

    @Test
    void theEventsAboutSubjectsAreFoundOldestFirst() {
        TenantId tenant = aTenant();
        AuditEvent merged = recorded(tenant, 1, "maria", AuditAction.MERGE, "m-1");
        AuditEvent undone = recorded(tenant, 2, "ben", AuditAction.UNMERGE, "m-1");
        recorded(tenant, 3, "ben", AuditAction.SETTINGS, "settings");

        assertEquals(List.of(merged, undone), trail().about(tenant, List.of("m-1")));
    }

    @Nested
    class Pages {
        @Test
        void aPageListsTheTenantsEventsNewestFirstAtMostTheLimit() {
            TenantId tenant = aTenant();
            AuditEvent first = recorded(tenant, 1, "maria", AuditAction.MERGE, "m-1");
            AuditEvent second = recorded(tenant, 2, "ben", AuditAction.RULES, "rules");
            AuditEvent third = recorded(tenant, 3, "eve", AuditAction.WEBHOOK_ADD, "w-1");

            assertEquals(List.of(third, second, first), trail().page(tenant, all(10)));
            assertEquals(List.of(third, second), trail().page(tenant, all(2)));
        }

        @Test
        void anotherTenantsEventsAreNeverListed() {
            TenantId tenant = aTenant();
            recorded(aTenant(), 1, "maria", AuditAction.MERGE, "m-1");

            assertEquals(List.of(), trail().page(tenant, all(10)));
        }

        @Test
        void pagesAfterThePreviousOnesLastPositionListEveryEventOnce() {
            TenantId tenant = aTenant();
            for (int i = 0; i < 5; i++) {
                recorded(tenant, 10, "maria", AuditAction.MARK, "pair-" + i);
            }
            List<AuditEvent> read = new ArrayList<>();
            Optional<Position> after = Optional.empty();
            do {
                List<AuditEvent> page = trail().page(tenant, new AuditTrail.Query(Optional.empty(), Set.of(),
                        Optional.empty(), new TimePage(Instant.EPOCH, TimePage.END, after, 2)));
                read.addAll(page);
                after = page.size() < 2 ? Optional.empty() : Optional.of(page.getLast().position());
            } while (after.isPresent());

            assertEquals(trail().page(tenant, all(10)), read, "events of one time, by id, each once");
            assertEquals(5, read.size());
        }
    }

    @Nested
    class Filters {
        @Test
        void theActorActionsSubjectAndTimeRangeNarrowThePage() {
            TenantId tenant = aTenant();
            AuditEvent merge = recorded(tenant, 1, "maria", AuditAction.MERGE, "m-1");
            AuditEvent undo = recorded(tenant, 2, "ben", AuditAction.UNMERGE, "m-1");
            AuditEvent settings = recorded(tenant, 3, "maria", AuditAction.SETTINGS, "settings");
            TimePage every = new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), 10);

            assertEquals(List.of(settings, merge), trail().page(tenant, new AuditTrail.Query(Optional.of("maria"),
                    Set.of(), Optional.empty(), every)));
            assertEquals(List.of(undo, merge), trail().page(tenant, new AuditTrail.Query(Optional.empty(),
                    Set.of(AuditAction.MERGE, AuditAction.UNMERGE), Optional.empty(), every)));
            assertEquals(List.of(undo, merge), trail().page(tenant, new AuditTrail.Query(Optional.empty(),
                    Set.of(), Optional.of("m-1"), every)));
            assertEquals(List.of(undo), trail().page(tenant, new AuditTrail.Query(Optional.empty(), Set.of(),
                    Optional.empty(), new TimePage(T0.plusSeconds(2), T0.plusSeconds(3), Optional.empty(), 10))),
                    "at or after the start, before the end");
            assertEquals(List.of(), trail().page(tenant, new AuditTrail.Query(Optional.of("maria"),
                    Set.of(AuditAction.UNMERGE), Optional.empty(), every)), "the filters all apply");
        }
    }
}
