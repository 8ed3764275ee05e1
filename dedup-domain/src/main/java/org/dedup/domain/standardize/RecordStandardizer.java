package org.dedup.domain.standardize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TrackingPixel;

/**
 * Builds the standardized profiles of leads, contacts and companies from the {@link Standardizer} port. Every
 * phone type lands in the same PHONE field, so a work phone matches a mobile phone of the same number.
 */
public final class RecordStandardizer {
    private final Standardizer standardizer;

    public RecordStandardizer(Standardizer standardizer) {
        this.standardizer = Require.nonNull(standardizer, "standardizer");
    }

    public LeadProfile lead(Lead lead, StandardizationOptions options) {
        Collector primary = leadLevel(lead, options);
        Collector all = leadLevel(lead, options);
        for (LinkedContact link : lead.contacts()) {
            if (link.isPrimary()) {
                primary.contact(link.contact(), options);
            }
            all.contact(link.contact(), options);
        }
        return new LeadProfile(lead, primary.build(lead.id()), all.build(lead.id()));
    }

    public RecordProfile contact(Contact contact, StandardizationOptions options) {
        Collector collector = new Collector();
        collector.contact(contact, options);
        return collector.build(contact.id());
    }

    public RecordProfile company(Company company, StandardizationOptions options) {
        Collector collector = new Collector();
        collector.company(company, options);
        return collector.build(company.id());
    }

    /** The identity of a phone for de-duplicating values: its E.164 key, or the trimmed text when invalid. */
    public String phoneIdentity(Phone phone, StandardizationOptions options) {
        return switch (standardizer.phone(phone.number(), options.defaultRegion())) {
            case PhoneKey.Valid valid -> valid.e164();
            case PhoneKey.Invalid invalid -> phone.number().strip();
        };
    }

    /** The identity of an email for de-duplicating values: its key, or the trimmed text when invalid. */
    public String emailIdentity(Email email, StandardizationOptions options) {
        return switch (standardizer.email(email.address(), options.emailFolding())) {
            case EmailKey.Valid valid -> valid.key();
            case EmailKey.Invalid invalid -> email.address().strip();
        };
    }

    /** The key of a full name that word order does not change ("Smith John" is "John Smith"); empty when blank. */
    public String nameIdentity(String fullName) {
        return standardizer.fullName(fullName);
    }

    /** The standardized name of a company; empty when it has none. */
    public String companyNameIdentity(Company company) {
        return standardizer.text(company.name());
    }

    /** The standardized website of a company; empty when it has none. */
    public String websiteIdentity(Company company) {
        return standardizer.website(company.website());
    }

    private Collector leadLevel(Lead lead, StandardizationOptions options) {
        Collector collector = new Collector();
        lead.pixels().stream().map(TrackingPixel::id).map(String::strip)
                .forEach(pixel -> collector.add(ProfileField.PIXEL, pixel));
        collector.customFields(lead.customFields());
        lead.companies().forEach(company -> collector.company(company, options));
        return collector;
    }

    /** Accumulates standardized values and issues of one profile. */
    private final class Collector {
        private final Map<ProfileField, Set<String>> fields = new HashMap<>();
        private final List<StandardizationIssue> issues = new ArrayList<>();

        void contact(Contact contact, StandardizationOptions options) {
            String name = standardizer.fullName(contact.fullName());
            add(ProfileField.FULL_NAME, name);
            for (String token : name.split(" ")) {
                add(ProfileField.NAME_TOKEN, token);
            }
            phones(contact.phones(), options);
            emails(contact.emails(), options);
            customFields(contact.customFields());
        }

        void company(Company company, StandardizationOptions options) {
            add(ProfileField.COMPANY_NAME, standardizer.text(company.name()));
            add(ProfileField.WEBSITE, standardizer.website(company.website()));
            phones(company.phones(), options);
            emails(company.emails(), options);
            customFields(company.customFields());
        }

        void phones(Collection<Phone> phones, StandardizationOptions options) {
            for (Phone phone : phones) {
                PhoneKey key = standardizer.phone(phone.number(), options.defaultRegion());
                add(ProfileField.PHONE_LAST10, key.last10());
                switch (key) {
                    case PhoneKey.Valid valid -> add(ProfileField.PHONE, valid.e164());
                    case PhoneKey.Invalid invalid -> issues.add(
                            new StandardizationIssue(ProfileField.PHONE.name(), invalid.raw(), invalid.reason()));
                }
            }
        }

        void emails(Collection<Email> emails, StandardizationOptions options) {
            for (Email email : emails) {
                switch (standardizer.email(email.address(), options.emailFolding())) {
                    case EmailKey.Valid valid -> add(ProfileField.EMAIL, valid.key());
                    case EmailKey.Invalid invalid -> issues.add(
                            new StandardizationIssue(ProfileField.EMAIL.name(), invalid.raw(), invalid.reason()));
                }
            }
        }

        void customFields(Map<String, CustomFieldValue> values) {
            values.forEach((key, value) -> add(ProfileField.custom(key), switch (value) {
                case CustomFieldValue.Text text -> standardizer.text(text.value());
                case CustomFieldValue.Numeric numeric -> numeric.asText();
            }));
        }

        void add(ProfileField field, String value) {
            if (!value.isEmpty()) {
                fields.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(value);
            }
        }

        RecordProfile build(RecordRef ref) {
            return new RecordProfile(ref, fields, issues);
        }
    }
}
