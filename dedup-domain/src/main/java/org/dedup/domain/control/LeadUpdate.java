package org.dedup.domain.control;

import java.util.Optional;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;

/**
 * A stored lead's new values as a writer sends them: for the version the writer read, when it names one (another
 * stored version refuses the update), and by {@code actor} (an API key's name, a caller-named person or system),
 * recorded with the decision the check after the update takes.
 */
public record LeadUpdate(LeadId lead, IncomingLead values, Optional<Long> expectedVersion, Optional<String> actor) {
    public LeadUpdate {
        Require.nonNull(lead, "lead");
        Require.nonNull(values, "lead values");
        Require.nonNull(expectedVersion, "expected version");
        Require.nonNull(actor, "actor");
        actor.ifPresent(a -> Require.nonBlank(a, "actor"));
    }

    /** {@code values} replacing the stored lead {@code lead}, whatever its version, by no one named. */
    public static LeadUpdate of(LeadId lead, IncomingLead values) {
        return new LeadUpdate(lead, values, Optional.empty(), Optional.empty());
    }

    /** This update, only while the stored lead is at {@code version}. */
    public LeadUpdate ifAt(long version) {
        return new LeadUpdate(lead, values, Optional.of(version), actor);
    }

    /** This update, sent by {@code by}. */
    public LeadUpdate by(String by) {
        return new LeadUpdate(lead, values, expectedVersion, Optional.of(by));
    }
}
