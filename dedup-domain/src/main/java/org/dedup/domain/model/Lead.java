package org.dedup.domain.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deal in a pipeline with its contacts and company. {@code version} grows by one with every stored change
 * and guards against lost updates.
 */
public record Lead(LeadId id, TenantId tenant, String name, PipelineStage stage, SourceChannel source,
                   Set<TrackingPixel> pixels, List<LinkedContact> contacts, List<Company> companies,
                   Map<String, CustomFieldValue> customFields, Instant createdAt, Instant updatedAt, long version)
        implements Serializable {
    public static final int MAX_CONTACTS = 50;

    public Lead {
        Require.nonNull(id, "lead id");
        Require.nonNull(tenant, "tenant");
        name = Require.maxLength(name == null ? "" : name, 512, "lead name");
        Require.nonNull(stage, "lead stage");
        Require.nonNull(source, "lead source");
        pixels = Require.copy(pixels, "lead pixels");
        contacts = Require.copy(contacts, "lead contacts");
        companies = Require.copy(companies, "lead companies");
        customFields = Require.copy(customFields, "lead custom fields");
        Require.nonNull(createdAt, "lead created time");
        Require.nonNull(updatedAt, "lead updated time");
        if (contacts.size() > MAX_CONTACTS) {
            throw new InvalidRecordException("lead " + id + " has " + contacts.size()
                    + " contacts, at most " + MAX_CONTACTS + " are allowed");
        }
        if (contacts.stream().filter(LinkedContact::isPrimary).count() > 1) {
            throw new InvalidRecordException("lead " + id + " has more than one primary contact");
        }
        if (version < 0) {
            throw new InvalidRecordException("lead version must not be negative, was " + version);
        }
    }

    public Optional<Contact> primaryContact() {
        return contacts.stream().filter(LinkedContact::isPrimary).map(LinkedContact::contact).findFirst();
    }

    public boolean inIncomingLeadsStage() {
        return stage.incomingLeads();
    }

    public Lead withContacts(List<LinkedContact> newContacts) {
        return new Lead(id, tenant, name, stage, source, pixels, newContacts, companies, customFields,
                createdAt, updatedAt, version);
    }

    public Lead withCustomFields(Map<String, CustomFieldValue> newFields) {
        return new Lead(id, tenant, name, stage, source, pixels, contacts, companies, newFields,
                createdAt, updatedAt, version);
    }

    public Lead withPixels(Set<TrackingPixel> newPixels) {
        return new Lead(id, tenant, name, stage, source, newPixels, contacts, companies, customFields,
                createdAt, updatedAt, version);
    }

    public Lead withCompanies(List<Company> newCompanies) {
        return new Lead(id, tenant, name, stage, source, pixels, contacts, newCompanies, customFields,
                createdAt, updatedAt, version);
    }

    public Lead withStage(PipelineStage newStage) {
        return new Lead(id, tenant, name, newStage, source, pixels, contacts, companies, customFields,
                createdAt, updatedAt, version);
    }

    /** This lead with another version and update time (unmerge writes a before-image back as a new version). */
    public Lead withVersion(long newVersion, Instant newUpdatedAt) {
        return new Lead(id, tenant, name, stage, source, pixels, contacts, companies, customFields,
                createdAt, newUpdatedAt, newVersion);
    }

    public Lead withName(String newName) {
        return new Lead(id, tenant, newName, stage, source, pixels, contacts, companies, customFields,
                createdAt, updatedAt, version);
    }

    /** The next stored version of this lead, changed at {@code now}. */
    public Lead touched(Instant now) {
        return new Lead(id, tenant, name, stage, source, pixels, contacts, companies, customFields,
                createdAt, now, version + 1);
    }
}
