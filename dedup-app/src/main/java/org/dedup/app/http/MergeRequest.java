package org.dedup.app.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;

/** A manual merge: the leads, the survivor, and per field the lead whose value to keep (others: newest wins). */
record MergeRequest(List<UUID> leads, UUID survivor, Map<String, UUID> choices) {
    ManualMerge.Request toRequest(TenantId tenant) {
        if (leads == null || survivor == null) {
            throw new InvalidRecordException("leads and survivor are required");
        }
        Map<String, LeadId> chosen = new HashMap<>();
        (choices == null ? Map.<String, UUID>of() : choices).forEach((field, id) -> chosen.put(field, new LeadId(id)));
        return new ManualMerge.Request(tenant, leads.stream().map(LeadId::new).toList(), new LeadId(survivor), chosen,
                SurvivorshipPolicy.newestWins());
    }
}
