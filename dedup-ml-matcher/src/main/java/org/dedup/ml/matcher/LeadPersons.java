package org.dedup.ml.matcher;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/**
 * The person a lead is about, as the model sees it: the primary contact's name split into given name and surname
 * ("Surname, Given" or "Given ... Surname"), the standardized emails and E.164 phones of the primary profile, the
 * first company's name, and the other attributes from custom fields of the lead or its primary contact, found
 * under the keys of {@code fieldKeys} (by default each attribute's own key, e.g. {@code postcode}).
 */
public final class LeadPersons {
    /** Configuration keys {@code field.<attribute>} name the custom field an attribute is read from. */
    public static final String FIELD_PREFIX = "field.";
    /** Attributes read from the contact and the company; the others come from custom fields. */
    private static final Set<Attribute> FROM_RECORD = Set.of(Attribute.GIVEN_NAME, Attribute.SURNAME,
            Attribute.COMPANY);
    private final Map<Attribute, String> fieldKeys;

    LeadPersons(Map<Attribute, String> fieldKeys) {
        this.fieldKeys = Map.copyOf(fieldKeys);
    }

    /** The mapping of the {@code field.<attribute>} keys of a matcher configuration, each attribute's key if absent. */
    public static LeadPersons configured(MatcherConfig config) {
        Map<Attribute, String> keys = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (!FROM_RECORD.contains(attribute)) {
                keys.put(attribute, config.string(FIELD_PREFIX + attribute.key(), attribute.key()));
            }
        }
        config.values().keySet().stream().filter(key -> key.startsWith(FIELD_PREFIX)).forEach(key -> {
            String name = key.substring(FIELD_PREFIX.length());
            if (Arrays.stream(Attribute.values()).noneMatch(a -> a.key().equals(name) && !FROM_RECORD.contains(a))) {
                throw new InvalidRecordException("matchers." + config.providerId() + "." + key + " names no attribute "
                        + "read from a custom field; those are " + keys.keySet().stream().map(Attribute::key).toList());
            }
        });
        return new LeadPersons(keys);
    }

    public PersonRecord person(LeadProfile profile) {
        Lead lead = profile.lead();
        Contact contact = lead.primaryContact()
                .or(() -> lead.contacts().stream().map(LinkedContact::contact).findFirst()).orElse(null);
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        if (contact != null) {
            splitName(contact.fullName(), values);
        }
        lead.companies().stream().findFirst().ifPresent(company -> values.put(Attribute.COMPANY, company.name()));
        fieldKeys.forEach((attribute, key) -> {
            CustomFieldValue value = lead.customFields().get(key);
            if (value == null && contact != null) {
                value = contact.customFields().get(key);
            }
            if (value != null) {
                values.put(attribute, value.asText());
            }
        });
        return new PersonRecord(lead.id().toString(), values, profile.primary().values(ProfileField.EMAIL),
                profile.primary().values(ProfileField.PHONE));
    }

    private static void splitName(String fullName, Map<Attribute, String> values) {
        String name = fullName.strip();
        int comma = name.indexOf(',');
        if (comma >= 0) {
            values.put(Attribute.SURNAME, name.substring(0, comma));
            values.put(Attribute.GIVEN_NAME, name.substring(comma + 1));
            return;
        }
        int lastSpace = name.lastIndexOf(' ');
        if (lastSpace < 0) {
            values.put(Attribute.GIVEN_NAME, name);
            return;
        }
        values.put(Attribute.GIVEN_NAME, name.substring(0, name.indexOf(' ')));
        values.put(Attribute.SURNAME, name.substring(lastSpace + 1));
    }
}
