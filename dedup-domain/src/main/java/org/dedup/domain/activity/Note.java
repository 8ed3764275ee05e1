package org.dedup.domain.activity;

import java.time.Instant;
import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** A note in a lead's timeline, such as the merge note of the BIG DATA and pixel methods. */
public record Note(UUID id, TenantId tenant, LeadId lead, String text, Instant createdAt) {
    public Note {
        Require.nonNull(id, "note id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(lead, "note lead");
        Require.nonBlank(text, "note text");
        Require.nonNull(createdAt, "note created time");
    }

    public Note movedTo(LeadId newLead) {
        return new Note(id, tenant, newLead, text, createdAt);
    }
}
