package org.dedup.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.control.Decision;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** Port: the decision log read a page at a time, newest first, for the audit. */
public interface DecisionHistory {

    /** A logged decision with the id and time it was logged under. */
    record Entry(UUID id, Instant at, Decision decision) {
        public Entry {
            Require.nonNull(id, "decision id");
            Require.nonNull(at, "decision time");
            Require.nonNull(decision, "decision");
        }

        public Position position() {
            return new Position(at, id);
        }
    }

    /** Which decisions: on one lead, of some outcomes (the {@link Decision} types; empty: every one). */
    record Query(Optional<LeadId> lead, Set<Class<? extends Decision>> outcomes, TimePage page) {
        public Query {
            Require.nonNull(lead, "lead");
            outcomes = Require.copy(outcomes, "outcomes");
            Require.nonNull(page, "page");
        }
    }

    List<Entry> page(TenantId tenant, Query query);
}
