package org.dedup.domain.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dedup.domain.control.ConflictPolicy;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.TrackingPixel;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * Merges a duplicate into an existing lead under the tenant's conflict policy. UPDATE_EXISTING writes the
 * duplicate's phones, emails and fields into the existing lead (its values win a conflict); KEEP_EXISTING changes
 * no existing value and only fills what the existing lead lacks. Phones and emails are compared by their
 * standardized identity, so "+44 20 7946 0958" is not added next to "020 7946 0958".
 */
public final class ConflictMerge {
    private final RecordStandardizer standardizer;

    public ConflictMerge(RecordStandardizer standardizer) {
        this.standardizer = standardizer;
    }

    public MergeOutcome absorb(Lead existing, Lead duplicate, ConflictPolicy policy, StandardizationOptions options) {
        List<FieldProvenance> provenance = new ArrayList<>();
        List<LinkedContact> contacts = new ArrayList<>(existing.contacts());
        combinedContact(duplicate).ifPresent(incoming -> {
            int primaryIndex = indexOfPrimary(contacts);
            if (primaryIndex < 0) {
                contacts.add(new LinkedContact(incoming, ContactRole.PRIMARY));
                provenance.add(new FieldProvenance("primary_contact", incoming.fullName(), duplicate.id(),
                        SurvivorshipRule.INCOMING));
            } else {
                Contact merged = mergeContact(contacts.get(primaryIndex).contact(), incoming, policy, options,
                        duplicate, provenance);
                contacts.set(primaryIndex, new LinkedContact(merged, ContactRole.PRIMARY));
            }
        });
        Map<String, CustomFieldValue> fields = mergeFields(existing.customFields(), duplicate.customFields(), policy,
                "lead.", duplicate, provenance);
        Set<TrackingPixel> pixels = new LinkedHashSet<>(existing.pixels());
        if (pixels.addAll(duplicate.pixels())) {
            provenance.add(new FieldProvenance("pixels", String.valueOf(duplicate.pixels().size()), duplicate.id(),
                    SurvivorshipRule.UNION));
        }
        String name = existing.name().isBlank() ? duplicate.name() : existing.name();
        Lead survivor = existing.withContacts(contacts).withCustomFields(fields).withPixels(pixels).withName(name);
        return new MergeOutcome(survivor, provenance);
    }

    private Contact mergeContact(Contact existing, Contact incoming, ConflictPolicy policy,
                                 StandardizationOptions options, Lead source, List<FieldProvenance> provenance) {
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
                                                             ConflictPolicy policy, String prefix, Lead source,
                                                             List<FieldProvenance> provenance) {
        Map<String, CustomFieldValue> merged = new HashMap<>(existing);
        incoming.forEach((key, value) -> {
            CustomFieldValue current = existing.get(key);
            if (current == null || (policy == ConflictPolicy.UPDATE_EXISTING && !current.equals(value))) {
                merged.put(key, value);
                provenance.add(new FieldProvenance(prefix + key, value.asText(), source.id(),
                        current == null ? SurvivorshipRule.UNION : SurvivorshipRule.INCOMING));
            }
        });
        return merged;
    }

    private static void record(List<FieldProvenance> provenance, String field, boolean changed, String value,
                               Lead source, boolean update) {
        if (changed) {
            provenance.add(new FieldProvenance(field, value, source.id(),
                    update ? SurvivorshipRule.UNION : SurvivorshipRule.INCOMING));
        }
    }

    /** All phones, emails and fields of the duplicate's contacts, primary contact first. */
    private static Optional<Contact> combinedContact(Lead duplicate) {
        List<LinkedContact> ordered = new ArrayList<>(duplicate.contacts());
        ordered.sort((a, b) -> Boolean.compare(b.isPrimary(), a.isPrimary()));
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        Contact first = ordered.getFirst().contact();
        List<Phone> phones = new ArrayList<>();
        List<Email> emails = new ArrayList<>();
        Map<String, CustomFieldValue> fields = new HashMap<>();
        for (LinkedContact link : ordered.reversed()) {
            phones.addAll(0, link.contact().phones());
            emails.addAll(0, link.contact().emails());
            fields.putAll(link.contact().customFields());
        }
        return Optional.of(new Contact(first.id(), first.fullName(), phones, emails, fields));
    }

    private static int indexOfPrimary(List<LinkedContact> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).isPrimary()) {
                return i;
            }
        }
        return -1;
    }
}
