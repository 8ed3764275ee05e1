package org.dedup.domain.rules;

import java.util.List;
import java.util.Set;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.standardize.ProfileField;

/**
 * The rules a tenant starts with, as Creatio ships them for contacts, accounts and leads, plus the cross-object
 * rules that compare leads with contacts and companies. Phones compare by their last ten digits, as Creatio does, every phone type with every other.
 */
public final class PreconfiguredRules {
    private PreconfiguredRules() {
    }

    /** A tenant's saved rules, or the preconfigured ones while it saved none. */
    public static List<DuplicateRule> orPreconfigured(List<DuplicateRule> saved) {
        return saved.isEmpty() ? all() : saved;
    }

    public static List<DuplicateRule> all() {
        return List.of(
                rule("Contact: full name and email", Set.of(RecordKind.CONTACT), ProfileField.FULL_NAME, ProfileField.EMAIL),
                rule("Contact: full name and phone", Set.of(RecordKind.CONTACT), ProfileField.FULL_NAME, ProfileField.PHONE_LAST10),
                rule("Contact: email", Set.of(RecordKind.CONTACT), ProfileField.EMAIL),
                rule("Company: name and website", Set.of(RecordKind.COMPANY), ProfileField.COMPANY_NAME, ProfileField.WEBSITE),
                rule("Company: name and phone", Set.of(RecordKind.COMPANY), ProfileField.COMPANY_NAME, ProfileField.PHONE_LAST10),
                rule("Lead: email", Set.of(RecordKind.LEAD), ProfileField.EMAIL),
                rule("Lead: full name and phone", Set.of(RecordKind.LEAD), ProfileField.FULL_NAME, ProfileField.PHONE_LAST10),
                rule("Lead and contact: email", Set.of(RecordKind.LEAD, RecordKind.CONTACT), ProfileField.EMAIL),
                rule("Lead and contact: full name and phone", Set.of(RecordKind.LEAD, RecordKind.CONTACT),
                        ProfileField.FULL_NAME, ProfileField.PHONE_LAST10),
                rule("Lead and company: company name and website", Set.of(RecordKind.LEAD, RecordKind.COMPANY),
                        ProfileField.COMPANY_NAME, ProfileField.WEBSITE));
    }

    private static DuplicateRule rule(String name, Set<RecordKind> objects, ProfileField... fields) {
        return new DuplicateRule(name, objects, List.of(fields), true, true, true);
    }
}
