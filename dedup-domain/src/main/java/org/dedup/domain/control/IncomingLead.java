package org.dedup.domain.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.Company;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.model.TrackingPixel;

/**
 * A request arriving from a channel, before duplicate control decided what becomes of it.
 */
public record IncomingLead(TenantId tenant, String name, PipelineStage stage, SourceChannel source,
                           Set<TrackingPixel> pixels, List<LinkedContact> contacts, List<Company> companies,
                           Map<String, CustomFieldValue> customFields) {
    public IncomingLead {
        Require.nonNull(tenant, "tenant");
        name = name == null ? "" : name;
        Require.nonNull(stage, "stage");
        Require.nonNull(source, "source");
        pixels = Require.copy(pixels, "pixels");
        contacts = Require.copy(contacts, "contacts");
        companies = Require.copy(companies, "companies");
        customFields = Require.copy(customFields, "custom fields");
    }

    /** The lead this request becomes when it is stored as a new lead. */
    public Lead toLead(LeadId id, Instant now) {
        return new Lead(id, tenant, name, stage, source, pixels, contacts, companies, customFields, now, now, 0);
    }
}
