package org.dedup.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.model.TrackingPixel;

/**
 * Test-data builder for stored and incoming leads: {@code aLead().withEmail("a@b.io").build()}. The first
 * contact is the primary contact; {@code withSecondaryContact} adds others.
 */
public final class LeadBuilder {
    public static final TenantId TENANT = new TenantId("acme");
    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private TenantId tenant = TENANT;
    private LeadId id = LeadId.random();
    private String name = "Deal";
    private PipelineStage stage = PipelineStage.of("sales", "qualified");
    private SourceChannel source = SourceChannel.WEB_FORM;
    private final Set<TrackingPixel> pixels = new HashSet<>();
    private String contactName = "John Smith";
    private final List<Phone> phones = new ArrayList<>();
    private final List<Email> emails = new ArrayList<>();
    private final Map<String, CustomFieldValue> contactFields = new HashMap<>();
    private final List<LinkedContact> otherContacts = new ArrayList<>();
    private final List<Company> companies = new ArrayList<>();
    private final Map<String, CustomFieldValue> leadFields = new HashMap<>();
    private Instant createdAt = T0;
    private long version;

    private LeadBuilder() {
    }

    public static LeadBuilder aLead() {
        return new LeadBuilder();
    }

    public static LeadBuilder anIncomingLead() {
        return new LeadBuilder();
    }

    public LeadBuilder in(TenantId value) {
        tenant = value;
        return this;
    }

    public LeadBuilder withId(LeadId value) {
        id = value;
        return this;
    }

    public LeadBuilder named(String value) {
        name = value;
        return this;
    }

    public LeadBuilder inStage(PipelineStage value) {
        stage = value;
        return this;
    }

    public LeadBuilder from(SourceChannel value) {
        source = value;
        return this;
    }

    public LeadBuilder withPixel(String value) {
        pixels.add(new TrackingPixel(value));
        return this;
    }

    public LeadBuilder withContactName(String value) {
        contactName = value;
        return this;
    }

    public LeadBuilder withEmail(String value) {
        emails.add(Email.of(value));
        return this;
    }

    public LeadBuilder withPhone(String value) {
        return withPhone(PhoneType.MOBILE, value);
    }

    public LeadBuilder withPhone(PhoneType type, String value) {
        phones.add(Phone.of(type, value));
        return this;
    }

    public LeadBuilder withContactField(String key, String value) {
        contactFields.put(key, CustomFieldValue.text(value));
        return this;
    }

    public LeadBuilder withLeadField(String key, CustomFieldValue value) {
        leadFields.put(key, value);
        return this;
    }

    public LeadBuilder withSecondaryContact(Contact contact) {
        otherContacts.add(new LinkedContact(contact, ContactRole.SECONDARY));
        return this;
    }

    public LeadBuilder withCompany(String companyName, String website) {
        companies.add(new Company(CompanyId.random(), companyName, website, List.of(), List.of(), Map.of()));
        return this;
    }

    public LeadBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public LeadBuilder version(long value) {
        version = value;
        return this;
    }

    public Lead build() {
        return new Lead(id, tenant, name, stage, source, pixels, contacts(), companies, leadFields, createdAt,
                createdAt, version);
    }

    public IncomingLead incoming() {
        return new IncomingLead(tenant, name, stage, source, pixels, contacts(), companies, leadFields);
    }

    public static Contact aContact(String fullName, String email, String phone) {
        return new Contact(ContactId.random(), fullName, phone == null ? List.of() : List.of(Phone.of(PhoneType.WORK, phone)),
                email == null ? List.of() : List.of(Email.of(email)), Map.of());
    }

    private List<LinkedContact> contacts() {
        List<LinkedContact> all = new ArrayList<>();
        all.add(new LinkedContact(new Contact(ContactId.random(), contactName, phones, emails, contactFields),
                ContactRole.PRIMARY));
        all.addAll(otherContacts);
        return all;
    }
}
