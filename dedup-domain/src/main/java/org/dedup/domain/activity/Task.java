package org.dedup.domain.activity;

import java.time.Instant;
import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** A to-do in a lead, such as the one duplicate control creates after a merge. */
public record Task(UUID id, TenantId tenant, LeadId lead, String text, Instant due, String responsible,
                   Instant createdAt) {
    public Task {
        Require.nonNull(id, "task id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(lead, "task lead");
        Require.nonBlank(text, "task text");
        Require.nonNull(due, "task due time");
        Require.nonBlank(responsible, "task responsible");
        Require.nonNull(createdAt, "task created time");
    }

    public Task movedTo(LeadId newLead) {
        return new Task(id, tenant, newLead, text, due, responsible, createdAt);
    }
}
