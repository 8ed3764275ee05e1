package org.dedup.domain.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.dedup.domain.model.Company;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.TrackingPixel;

/**
 * Computes the survivor of a manual merge: each single-value field from the record a person chose, else by the
 * policy's rule; contacts, pixels and companies united (the survivor's primary contact stays primary). Every
 * decided field gets its provenance.
 */
public final class Survivorship {

    public MergeOutcome merge(Lead survivor, List<Lead> records, Map<String, LeadId> choices,
                              SurvivorshipPolicy policy) {
        List<FieldProvenance> provenance = new ArrayList<>();
        Lead chosenName = pick("name", records, choices, policy, l -> l.name().isBlank() ? null : l.name(), provenance);
        Lead chosenStage = pick("stage", records, choices, policy, l -> l.stage().pipeline() + "/" + l.stage().stage(),
                provenance);
        Map<String, CustomFieldValue> fields = new HashMap<>();
        Set<String> keys = new TreeSet<>();
        records.forEach(l -> keys.addAll(l.customFields().keySet()));
        for (String key : keys) {
            Lead source = pick("custom." + key, records, choices, policy,
                    l -> Optional.ofNullable(l.customFields().get(key)).map(CustomFieldValue::asText).orElse(null),
                    provenance);
            fields.put(key, source.customFields().get(key));
        }
        Map<ContactId, LinkedContact> contacts = new LinkedHashMap<>();
        survivor.contacts().forEach(c -> contacts.put(c.contact().id(), c));
        Set<TrackingPixel> pixels = new LinkedHashSet<>();
        Map<Object, Company> companies = new LinkedHashMap<>();
        for (Lead record : records) {
            for (LinkedContact link : record.contacts()) {
                boolean primary = link.isPrimary() && survivor.primaryContact().isEmpty() && contacts.values().stream()
                        .noneMatch(LinkedContact::isPrimary);
                contacts.putIfAbsent(link.contact().id(),
                        new LinkedContact(link.contact(), primary ? ContactRole.PRIMARY : ContactRole.SECONDARY));
            }
            pixels.addAll(record.pixels());
            record.companies().forEach(c -> companies.putIfAbsent(c.id(), c));
            if (!record.id().equals(survivor.id())) {
                provenance.add(new FieldProvenance("contacts", String.valueOf(record.contacts().size()), record.id(),
                        SurvivorshipRule.UNION));
            }
        }
        Lead merged = survivor.withName(chosenName.name()).withStage(chosenStage.stage()).withCustomFields(fields)
                .withContacts(new ArrayList<>(contacts.values())).withPixels(pixels)
                .withCompanies(new ArrayList<>(companies.values()));
        return new MergeOutcome(merged, provenance);
    }

    private static Lead pick(String field, List<Lead> records, Map<String, LeadId> choices, SurvivorshipPolicy policy,
                             Function<Lead, String> value, List<FieldProvenance> provenance) {
        Optional<Lead> chosen = MergeChoices.chosen(field, records, choices, Lead::id, value, provenance);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        List<Lead> filled = records.stream().filter(l -> value.apply(l) != null).toList();
        List<Lead> pool = filled.isEmpty() ? records : filled;
        SurvivorshipRule rule = policy.ruleFor(field);
        Lead source = pool.stream().max(comparator(rule, policy)).orElseThrow();
        provenance.add(new FieldProvenance(field, value.apply(source), source.id(), rule));
        return source;
    }

    private static Comparator<Lead> comparator(SurvivorshipRule rule, SurvivorshipPolicy policy) {
        Comparator<Lead> tieBreak = Comparator.comparing(l -> l.id().value());
        return switch (rule) {
            case NEWEST -> Comparator.comparing(Lead::updatedAt).thenComparing(tieBreak);
            case OLDEST -> Comparator.comparing(Lead::createdAt).reversed().thenComparing(tieBreak);
            case MOST_COMPLETE -> Comparator.comparingInt(Survivorship::filledFields).thenComparing(tieBreak);
            case SOURCE_PRIORITY -> Comparator.<Lead>comparingInt(
                    l -> -indexOf(policy, l)).thenComparing(tieBreak);
            default -> throw new InvalidRecordException("survivorship rule " + rule + " does not pick a record");
        };
    }

    private static int indexOf(SurvivorshipPolicy policy, Lead lead) {
        int index = policy.sourcePriority().indexOf(lead.source());
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static int filledFields(Lead lead) {
        int contactValues = lead.contacts().stream()
                .mapToInt(c -> c.contact().phones().size() + c.contact().emails().size()
                        + (c.contact().fullName().isBlank() ? 0 : 1))
                .sum();
        return contactValues + lead.customFields().size() + lead.pixels().size() + lead.companies().size()
                + (lead.name().isBlank() ? 0 : 1);
    }
}
