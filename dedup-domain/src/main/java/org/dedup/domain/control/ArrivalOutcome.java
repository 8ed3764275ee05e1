package org.dedup.domain.control;

import org.dedup.domain.model.Require;

/** What became of an arrival decided with others ({@link ArrivalBatches}): its decision, or what failed it. */
public sealed interface ArrivalOutcome {

    record Decided(Decision decision) implements ArrivalOutcome {
        public Decided {
            Require.nonNull(decision, "decision");
        }
    }

    record Failed(Throwable failure) implements ArrivalOutcome {
        public Failed {
            Require.nonNull(failure, "failure");
        }
    }
}
