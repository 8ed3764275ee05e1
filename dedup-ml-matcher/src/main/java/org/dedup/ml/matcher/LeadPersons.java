package org.dedup.ml.matcher;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * The record a lead (or a stand-alone contact or company) is, as a model's {@link RecordSchema} reads it: each
 * attribute from its source (the primary contact's name, the first company's name or website, the standardized
 * emails and phones of the primary profile, or a custom field of the lead, its primary contact or its first company). A configuration key
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
        Optional<Contact> contact = lead.primaryContact()
                .or(() -> lead.contacts().stream().map(LinkedContact::contact).findFirst());
        Optional<Company> company = lead.companies().stream().findFirst();
        return person(lead.id().toString(), contact, company,
                key -> custom(key, lead, contact.orElse(null), company), profile.primary());
    }

    /** The records among a tenant's {@code records} that the schema compares, by reference, in their order. */
    public Map<RecordRef, PersonRecord> records(List<ScannedRecord> records) {
        Map<RecordRef, PersonRecord> byRef = new LinkedHashMap<>();
        for (ScannedRecord record : records) {
            if (compares(record.ref().kind())) {
                byRef.put(record.ref(), switch (record) {
                    case ScannedRecord.OfLead lead -> person(lead.lead());
                    case ScannedRecord.OfParty party -> person(party.party(), party.profile());
                });
            }
        }
        return byRef;
    }

    /**
     * The record a stand-alone contact or company is: a contact gives the contact sources, a company the company
     * sources, each its own custom fields; ask {@link #compares} first.
     */
    public PersonRecord person(Party party, RecordProfile profile) {
        Function<String, CustomFieldValue> fields = key -> party.customFields().get(key);
        return switch (party) {
            case Contact contact -> person(contact.id().toString(), Optional.of(contact), Optional.empty(), fields,
                    profile);
            case Company company -> person(company.id().toString(), Optional.empty(), Optional.of(company), fields,
                    profile);
        };
    }

    /**
     * Whether the schema compares records of {@code kind}: leads always; contacts when it reads a contact's name
     * (a person model), companies when it reads a company's name and no contact's (a company model), so a person
     * is never scored against a company.
     */
    public boolean compares(RecordKind kind) {
        boolean persons = sources.values().stream().anyMatch(source -> source.startsWith("contact."));
        return switch (kind) {
            case LEAD -> true;
            case CONTACT -> persons;
            case COMPANY -> !persons && sources.containsValue("company.name");
        };
    }

    private PersonRecord person(String id, Optional<Contact> contact, Optional<Company> company,
                                Function<String, CustomFieldValue> customFields, RecordProfile profile) {
        Map<Attribute, String> values = new HashMap<>();
        Map<String, String> name = contact.map(c -> splitName(c.fullName())).orElse(Map.of());
        sources.forEach((attribute, source) -> {
            String value = switch (source) {
                case "contact.given_name" -> name.get("given");
                case "contact.surname" -> name.get("surname");
                case "contact.name" -> contact.map(Contact::fullName).orElse(null);
                case "company.name" -> company.map(Company::name).orElse(null);
                case "company.website" -> company.map(Company::website).orElse(null);
                case "email", "phone" -> null;
                default -> {
                    CustomFieldValue field = customFields.apply(source.substring(RecordSchema.CUSTOM.length()));
                    yield field == null ? null : field.asText();
                }
            };
            if (value != null) {
                values.put(attribute, value);
            }
        });
        return new PersonRecord(id, values, profile.values(ProfileField.EMAIL), profile.values(ProfileField.PHONE));
    }

    /** A custom field of the lead, else of its contact, else of its company. */
    private static CustomFieldValue custom(String key, Lead lead, Contact contact, Optional<Company> company) {
        CustomFieldValue value = lead.customFields().get(key);
        if (value == null && contact != null) {
            value = contact.customFields().get(key);
        }
        if (value == null && company.isPresent()) {
            value = company.get().customFields().get(key);
        }
        return value;
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
