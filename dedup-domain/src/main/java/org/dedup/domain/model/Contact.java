package org.dedup.domain.model;

import java.util.List;
import java.util.Map;

/** A person: full name, typed phones, emails and contact-level custom fields. */
public record Contact(ContactId id, String fullName, List<Phone> phones, List<Email> emails,
                      Map<String, CustomFieldValue> customFields) implements Party {
    public static final int MAX_NAME_LENGTH = 512;

    public Contact {
        Require.nonNull(id, "contact id");
        fullName = Require.maxLength(fullName == null ? "" : fullName, MAX_NAME_LENGTH, "contact full name");
        phones = Require.copy(phones, "contact phones");
        emails = Require.copy(emails, "contact emails");
        customFields = Require.copy(customFields, "contact custom fields");
    }

    public Contact withPhones(List<Phone> newPhones) {
        return new Contact(id, fullName, newPhones, emails, customFields);
    }

    public Contact withEmails(List<Email> newEmails) {
        return new Contact(id, fullName, phones, newEmails, customFields);
    }

    public Contact withFullName(String newName) {
        return new Contact(id, newName, phones, emails, customFields);
    }

    public Contact withCustomFields(Map<String, CustomFieldValue> newFields) {
        return new Contact(id, fullName, phones, emails, newFields);
    }
}
