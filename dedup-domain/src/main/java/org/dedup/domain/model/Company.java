package org.dedup.domain.model;

import java.util.List;
import java.util.Map;

/** An organisation (an "account" in Creatio). */
public record Company(CompanyId id, String name, String website, List<Phone> phones, List<Email> emails,
                      Map<String, CustomFieldValue> customFields) implements Party {
    public Company {
        Require.nonNull(id, "company id");
        name = Require.maxLength(name == null ? "" : name, 512, "company name");
        website = Require.maxLength(website == null ? "" : website, 2_048, "company website");
        phones = Require.copy(phones, "company phones");
        emails = Require.copy(emails, "company emails");
        customFields = Require.copy(customFields, "company custom fields");
    }
}
