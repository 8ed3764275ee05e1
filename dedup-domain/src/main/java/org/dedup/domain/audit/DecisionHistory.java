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
import org.dedup.domain.settings.MatchMethod;

/** Port: the decision log read a page at a time, newest first, for the audit. */
public interface DecisionHistory {

    /** A logged decision with the id and time it was logged under, and who sent its request when that is known. */
    record Entry(UUID id, Instant at, Decision decision, Optional<String> actor) {
        public Entry {
            Require.nonNull(id, "decision id");
            Require.nonNull(at, "decision time");
            Require.nonNull(decision, "decision");
            Require.nonNull(actor, "actor");
        }

        public Entry(UUID id, Instant at, Decision decision) {
            this(id, at, decision, Optional.empty());
        }

        public Position position() {
            return new Position(at, id);
        }
    }

    /**
     * Which decisions: on one lead, of some outcomes (the {@link Decision} types; empty: every one), with a candidate
     * found by one of some methods (empty: by any method or none).
     */
    record Query(Optional<LeadId> lead, Set<Class<? extends Decision>> outcomes, Set<MatchMethod> methods,
                 TimePage page) {
        public Query {
            Require.nonNull(lead, "lead");
            outcomes = Require.copy(outcomes, "outcomes");
            methods = Require.copy(methods, "methods");
            Require.nonNull(page, "page");
        }

        public Query(Optional<LeadId> lead, Set<Class<? extends Decision>> outcomes, TimePage page) {
            this(lead, outcomes, Set.of(), page);
        }
    }

    List<Entry> page(TenantId tenant, Query query);
}
