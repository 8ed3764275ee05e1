package org.dedup.ml.matcher;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.model.Company;
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
import org.dedup.ml.record.RecordSchema;

/**
 * The record a lead is, as a model's {@link RecordSchema} reads it: each attribute from its source (the primary
 * contact's name, the first company's name or website, the standardized emails and phones of the primary profile,
 * or a custom field of the lead, its primary contact or its first company). A configuration key
 * {@code field.<attribute>} renames the custom field an attribute is read from.
 */
public final class LeadPersons {
    /** Configuration keys {@code field.<attribute>} name the custom field an attribute is read from. */
    public static final String FIELD_PREFIX = "field.";
    private final RecordSchema schema;
    private final Map<Attribute, String> sources;

    LeadPersons(RecordSchema schema, Map<Attribute, String> sources) {
        this.schema = schema;
        this.sources = Map.copyOf(sources);
    }

    /** The schema's sources, with custom fields renamed by the {@code field.<attribute>} keys of a configuration. */
    public static LeadPersons configured(RecordSchema schema, MatcherConfig config) {
        Map<Attribute, String> sources = new LinkedHashMap<>();
        for (Attribute attribute : schema.attributes()) {
            String source = schema.sources().get(attribute.key());
            if (source.startsWith(RecordSchema.CUSTOM)) {
                source = RecordSchema.CUSTOM + config.string(FIELD_PREFIX + attribute.key(),
                        source.substring(RecordSchema.CUSTOM.length()));
            }
            sources.put(attribute, source);
        }
        config.values().keySet().stream().filter(key -> key.startsWith(FIELD_PREFIX)).forEach(key -> {
            String name = key.substring(FIELD_PREFIX.length());
            boolean custom = schema.attribute(name).map(a -> schema.sources().get(a.key())
                    .startsWith(RecordSchema.CUSTOM)).orElse(false);
            if (!custom) {
                throw new InvalidRecordException("matchers." + config.providerId() + "." + key + " names no attribute "
                        + "the " + schema.name() + " model reads from a custom field");
            }
        });
        return new LeadPersons(schema, sources);
    }

    public PersonRecord person(LeadProfile profile) {
        Lead lead = profile.lead();
        Contact contact = lead.primaryContact()
                .or(() -> lead.contacts().stream().map(LinkedContact::contact).findFirst()).orElse(null);
        Optional<Company> company = lead.companies().stream().findFirst();
        Map<Attribute, String> values = new HashMap<>();
        Map<String, String> name = contact == null ? Map.of() : splitName(contact.fullName());
        sources.forEach((attribute, source) -> {
            String value = switch (source) {
                case "contact.given_name" -> name.get("given");
                case "contact.surname" -> name.get("surname");
                case "contact.name" -> contact == null ? null : contact.fullName();
                case "company.name" -> company.map(Company::name).orElse(null);
                case "company.website" -> company.map(Company::website).orElse(null);
                case "email", "phone" -> null;
                default -> custom(source.substring(RecordSchema.CUSTOM.length()), lead, contact, company);
            };
            if (value != null) {
                values.put(attribute, value);
            }
        });
        Set<String> emails = profile.primary().values(ProfileField.EMAIL);
        Set<String> phones = profile.primary().values(ProfileField.PHONE);
        return new PersonRecord(lead.id().toString(), values, emails, phones);
    }

    private static String custom(String key, Lead lead, Contact contact, Optional<Company> company) {
        CustomFieldValue value = lead.customFields().get(key);
        if (value == null && contact != null) {
            value = contact.customFields().get(key);
        }
        if (value == null && company.isPresent()) {
            value = company.get().customFields().get(key);
        }
        return value == null ? null : value.asText();
    }

    /** "Surname, Given" or "Given ... Surname" as given and surname. */
    private static Map<String, String> splitName(String fullName) {
        String name = fullName.strip();
        int comma = name.indexOf(',');
        if (comma >= 0) {
            return Map.of("surname", name.substring(0, comma), "given", name.substring(comma + 1));
        }
        int lastSpace = name.lastIndexOf(' ');
        if (lastSpace < 0) {
            return Map.of("given", name);
        }
        return Map.of("given", name.substring(0, name.indexOf(' ')), "surname", name.substring(lastSpace + 1));
    }
}
