package org.dedup.app.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.model.TrackingPixel;

/**
 * The JSON body of an incoming lead. Custom field values are JSON strings (text fields) or numbers (numeric
 * fields). Validation happens in the domain records, whose messages name the field.
 */
public record IncomingLeadRequest(String name, String pipeline, String stage, Boolean incomingStage, String source,
                                  List<String> pixels, List<ContactRequest> contacts, List<CompanyRequest> companies,
                                  Map<String, Object> fields) {

    /** A contact of the lead; {@code id} links a stored contact (a new id is given when it is absent). */
    public record ContactRequest(UUID id, String name, Boolean primary, List<PhoneRequest> phones, List<String> emails,
                                 Map<String, Object> fields) {
    }

    /** A company of the lead, or a stand-alone company; {@code id} links a stored one. */
    public record CompanyRequest(UUID id, String name, String website, List<PhoneRequest> phones, List<String> emails,
                                 Map<String, Object> fields) {
        Company toCompany(CompanyId given) {
            return new Company(given, name, website, phoneList(phones), emailList(emails), customFields(fields));
        }
    }

    public record PhoneRequest(String type, String number) {
    }

    public IncomingLeadRequest withSource(String newSource) {
        return new IncomingLeadRequest(name, pipeline, stage, incomingStage, newSource, pixels, contacts, companies,
                fields);
    }

    public IncomingLead toIncomingLead(TenantId tenant) {
        if (pipeline == null || stage == null) {
            throw new InvalidRecordException("pipeline and stage are required");
        }
        List<LinkedContact> links = new ArrayList<>();
        for (ContactRequest contact : contacts == null ? List.<ContactRequest>of() : contacts) {
            if (contact == null) {
                throw new InvalidRecordException("contacts must not hold null, give a contact object");
            }
            links.add(new LinkedContact(contact(contact.id() == null ? ContactId.random() : new ContactId(contact.id()),
                    contact.name(), contact.phones(), contact.emails(), contact.fields()),
                    Boolean.TRUE.equals(contact.primary()) ? ContactRole.PRIMARY : ContactRole.SECONDARY));
        }
        Set<TrackingPixel> pixelSet = new HashSet<>();
        (pixels == null ? List.<String>of() : pixels).forEach(p -> pixelSet.add(new TrackingPixel(p)));
        return new IncomingLead(tenant, name, new PipelineStage(pipeline, stage, Boolean.TRUE.equals(incomingStage)),
                enumValue(SourceChannel.class, source == null ? "api" : source, "source"), pixelSet, links,
                linkedCompanies(), customFields(fields));
    }

    private List<Company> linkedCompanies() {
        List<Company> linked = new ArrayList<>();
        for (CompanyRequest company : companies == null ? List.<CompanyRequest>of() : companies) {
            if (company == null) {
                throw new InvalidRecordException("companies must not hold null, give a company object");
            }
            linked.add(company.toCompany(company.id() == null ? CompanyId.random() : new CompanyId(company.id())));
        }
        return linked;
    }

    static Contact contact(ContactId id, String name, List<PhoneRequest> phones, List<String> emails,
                           Map<String, Object> fields) {
        return new Contact(id, name, phoneList(phones), emailList(emails), customFields(fields));
    }

    private static List<Phone> phoneList(List<PhoneRequest> requests) {
        List<Phone> phones = new ArrayList<>();
        for (PhoneRequest phone : requests == null ? List.<PhoneRequest>of() : requests) {
            if (phone == null) {
                throw new InvalidRecordException("phones must not hold null, give {\"type\": ..., \"number\": ...}");
            }
            phones.add(Phone.of(enumValue(PhoneType.class, phone.type() == null ? "other" : phone.type(), "phone type"),
                    phone.number()));
        }
        return phones;
    }

    private static List<Email> emailList(List<String> addresses) {
        return (addresses == null ? List.<String>of() : addresses).stream().map(Email::of).toList();
    }

    private static Map<String, CustomFieldValue> customFields(Map<String, Object> fields) {
        Map<String, CustomFieldValue> values = new HashMap<>();
        (fields == null ? Map.<String, Object>of() : fields).forEach((key, value) -> values.put(key, switch (value) {
            case String text -> CustomFieldValue.text(text);
            case Double number when !Double.isFinite(number) -> throw new InvalidRecordException("custom field '"
                    + key + "' is a number out of range");
            case Number number -> new CustomFieldValue.Numeric(new BigDecimal(number.toString()));
            case null, default -> throw new InvalidRecordException("custom field '" + key
                    + "' must be a string (text field) or a number (numeric field)");
        }));
        return values;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(field + " '" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
