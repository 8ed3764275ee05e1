package org.dedup.domain.match;

import java.io.Serializable;

import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.RecordProfile;

/**
 * One of a tenant's records as a bulk search reads it: the record itself, for a {@link RecordLinker} that compares
 * more than standardized values, and its standardized profile, which duplicate rules compare.
 */
public sealed interface ScannedRecord extends Serializable {
    RecordProfile profile();

    default RecordRef ref() {
        return profile().ref();
    }

    /** A lead: its profile is {@link LeadProfile#all()}, every contact's values. */
    record OfLead(LeadProfile lead) implements ScannedRecord {
        public OfLead {
            Require.nonNull(lead, "lead profile");
        }

        @Override
        public RecordProfile profile() {
            return lead.all();
        }
    }

    /** A stand-alone contact or company with its profile. */
    record OfParty(Party party, RecordProfile profile) implements ScannedRecord {
        public OfParty {
            Require.nonNull(party, "contact or company");
            Require.nonNull(profile, "profile");
        }
    }
}
