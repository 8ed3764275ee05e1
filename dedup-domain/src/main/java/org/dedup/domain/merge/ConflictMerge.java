package org.dedup.domain.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TrackingPixel;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * Merges a duplicate into an existing lead under the tenant's conflict policy. Each incoming contact is matched to
 * the stored lead's contacts ({@link SameRecord}): a match gets its values, a contact matching none is linked as a
 * secondary contact (primary if the lead has none), so another person's values never land on the primary contact,
 * where the email and phone methods would match them. Incoming companies not linked yet are linked. UPDATE_EXISTING
 * writes the duplicate's phones, emails and fields into the matched contact and the lead (its values win a conflict);
 * KEEP_EXISTING changes no existing value and only fills what is empty. Phones and emails are compared by their
 * standardized identity, so "+44 20 7946 0958" is not added next to "020 7946 0958".
 */
public final class ConflictMerge {
    private final RecordStandardizer standardizer;
    private final SameRecord sameContact;

    public ConflictMerge(RecordStandardizer standardizer) {
        this.standardizer = standardizer;
        this.sameContact = new SameRecord(standardizer);
    }

    public MergeOutcome absorb(Lead existing, Lead duplicate, ConflictPolicy policy, StandardizationOptions options) {
        List<FieldProvenance> provenance = new ArrayList<>();
        List<LinkedContact> contacts = new ArrayList<>(existing.contacts());
        for (LinkedContact incoming : primaryFirst(duplicate.contacts())) {
            int same = sameContact.indexIn(contacts, incoming.contact(), options);
            if (same >= 0) {
                LinkedContact stored = contacts.get(same);
                contacts.set(same, new LinkedContact(absorbContact(stored.contact(), incoming.contact(), policy,
                        options, duplicate.id(), provenance), stored.role()));
            } else {
                boolean primary = incoming.isPrimary() && contacts.stream().noneMatch(LinkedContact::isPrimary);
                contacts.add(new LinkedContact(incoming.contact(), primary ? ContactRole.PRIMARY : ContactRole.SECONDARY));
                provenance.add(new FieldProvenance(primary ? "primary_contact" : "secondary_contact",
                        incoming.contact().fullName(), duplicate.id(), SurvivorshipRule.UNION));
            }
        }
        List<Company> companies = new ArrayList<>(existing.companies());
        for (Company incoming : duplicate.companies()) {
            if (companies.stream().noneMatch(stored -> sameContact.sameCompany(stored, incoming))) {
                companies.add(incoming);
                provenance.add(new FieldProvenance("companies", incoming.name(), duplicate.id(),
                        SurvivorshipRule.UNION));
            }
        }
        Map<String, CustomFieldValue> fields = mergeFields(existing.customFields(), duplicate.customFields(), policy,
                "lead.", duplicate.id(), provenance);
        Set<TrackingPixel> pixels = new LinkedHashSet<>(existing.pixels());
        if (pixels.addAll(duplicate.pixels())) {
            provenance.add(new FieldProvenance("pixels", String.valueOf(duplicate.pixels().size()), duplicate.id(),
                    SurvivorshipRule.UNION));
        }
        String name = existing.name().isBlank() ? duplicate.name() : existing.name();
        Lead survivor = existing.withContacts(contacts).withCompanies(companies).withCustomFields(fields)
                .withPixels(pixels).withName(name);
        return new MergeOutcome(survivor, provenance);
    }

    /**
     * The values of {@code incoming} written into {@code existing}, the same contact, under the conflict policy;
     * {@code source} is the record they came from, for the provenance.
     */
    public Contact absorbContact(Contact existing, Contact incoming, ConflictPolicy policy,
                                 StandardizationOptions options, RecordRef source, List<FieldProvenance> provenance) {
        boolean update = policy == ConflictPolicy.UPDATE_EXISTING;
        List<Phone> phones = union(existing.phones(), incoming.phones(), update,
                p -> standardizer.phoneIdentity(p, options));
        List<Email> emails = union(existing.emails(), incoming.emails(), update,
                e -> standardizer.emailIdentity(e, options));
        record(provenance, "phones", phones.size() > existing.phones().size(), incoming.phones().toString(), source,
                update);
        record(provenance, "emails", emails.size() > existing.emails().size(), incoming.emails().toString(), source,
                update);
        String name = existing.fullName().isBlank() ? incoming.fullName() : existing.fullName();
        Map<String, CustomFieldValue> fields = mergeFields(existing.customFields(), incoming.customFields(), policy,
                "contact.", source, provenance);
        return existing.withPhones(phones).withEmails(emails).withFullName(name).withCustomFields(fields);
    }

    /** UPDATE_EXISTING adds every new value; KEEP_EXISTING adds values only where the existing list is empty. */
    private static <T> List<T> union(List<T> existing, List<T> incoming, boolean update, Function<T, String> identity) {
        if (!update && !existing.isEmpty()) {
            return existing;
        }
        List<T> merged = new ArrayList<>(existing);
        Set<String> seen = new HashSet<>();
        existing.forEach(v -> seen.add(identity.apply(v)));
        for (T value : incoming) {
            if (seen.add(identity.apply(value))) {
                merged.add(value);
            }
        }
        return merged;
    }

    private static Map<String, CustomFieldValue> mergeFields(Map<String, CustomFieldValue> existing,
                                                             Map<String, CustomFieldValue> incoming,
                                                             ConflictPolicy policy, String prefix, RecordRef source,
                                                             List<FieldProvenance> provenance) {
        Map<String, CustomFieldValue> merged = new HashMap<>(existing);
        incoming.forEach((key, value) -> {
            CustomFieldValue current = existing.get(key);
            if (current == null || (policy == ConflictPolicy.UPDATE_EXISTING && !current.equals(value))) {
                merged.put(key, value);
                provenance.add(new FieldProvenance(prefix + key, value.asText(), source,
                        current == null ? SurvivorshipRule.UNION : SurvivorshipRule.INCOMING));
            }
        });
        return merged;
    }

    private static void record(List<FieldProvenance> provenance, String field, boolean changed, String value,
                               RecordRef source, boolean update) {
        if (changed) {
            provenance.add(new FieldProvenance(field, value, source,
                    update ? SurvivorshipRule.UNION : SurvivorshipRule.INCOMING));
        }
    }

    private static List<LinkedContact> primaryFirst(List<LinkedContact> contacts) {
        List<LinkedContact> ordered = new ArrayList<>(contacts);
        ordered.sort((a, b) -> Boolean.compare(b.isPrimary(), a.isPrimary()));
        return ordered;
    }
}
