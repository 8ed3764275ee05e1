package org.dedup.domain.party;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeChoices;
import org.dedup.domain.merge.SurvivorshipRule;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * How the survivor of a contact or company merge gets its values. A single-value field ("name", "website",
 * "custom.&lt;key&gt;") comes from the record a person chose (MANUAL), else stays the survivor's (EXISTING), else comes
 * from the most complete record that has it (MOST_COMPLETE): contacts and companies carry no times or source, so
 * the leads' NEWEST, OLDEST and SOURCE_PRIORITY rules have nothing to rank them by. Phones and emails are united by
 * their standardized identity (UNION). Every decided field gets its provenance.
 */
public final class PartySurvivorship {
    private final RecordStandardizer standardizer;
    private final StandardizationOptions options;

    public PartySurvivorship(RecordStandardizer standardizer, StandardizationOptions options) {
        this.standardizer = standardizer;
        this.options = options;
    }

    /** The record whose value of {@code field} survives ({@code records} start with the survivor). */
    public <P extends Party> P pick(String field, List<P> records, Map<String, RecordRef> choices,
                                    Function<P, String> value, List<FieldProvenance> provenance) {
        Optional<P> chosen = MergeChoices.chosen(field, records, choices, Party::id, value, provenance);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        P survivor = records.getFirst();
        if (!isBlank(value.apply(survivor))) {
            provenance.add(new FieldProvenance(field, value.apply(survivor), survivor.id(), SurvivorshipRule.EXISTING));
            return survivor;
        }
        Optional<P> filled = records.stream().filter(r -> !isBlank(value.apply(r)))
                .max(Comparator.comparingInt(PartySurvivorship::filledValues));
        filled.ifPresent(source -> provenance.add(new FieldProvenance(field, value.apply(source), source.id(),
                SurvivorshipRule.MOST_COMPLETE)));
        return filled.orElse(survivor);
    }

    public <P extends Party> Map<String, CustomFieldValue> customFields(List<P> records, Map<String, RecordRef> choices,
                                                                      List<FieldProvenance> provenance) {
        Set<String> keys = new TreeSet<>();
        records.forEach(r -> keys.addAll(r.customFields().keySet()));
        Map<String, CustomFieldValue> fields = new java.util.HashMap<>();
        for (String key : keys) {
            P source = pick("custom." + key, records, choices,
                    r -> Optional.ofNullable(r.customFields().get(key)).map(CustomFieldValue::asText).orElse(null),
                    provenance);
            Optional.ofNullable(source.customFields().get(key)).ifPresent(v -> fields.put(key, v));
        }
        return fields;
    }

    public <P extends Party> List<Phone> phones(List<P> records, List<FieldProvenance> provenance) {
        return union("phones", records, Party::phones, p -> standardizer.phoneIdentity(p, options), provenance);
    }

    public <P extends Party> List<Email> emails(List<P> records, List<FieldProvenance> provenance) {
        return union("emails", records, Party::emails, e -> standardizer.emailIdentity(e, options), provenance);
    }

    private static <P extends Party, T> List<T> union(String field, List<P> records, Function<P, List<T>> values,
                                                      Function<T, String> identity, List<FieldProvenance> provenance) {
        List<T> merged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (P record : records) {
            List<T> added = values.apply(record).stream().filter(v -> seen.add(identity.apply(v))).toList();
            merged.addAll(added);
            if (!added.isEmpty() && record != records.getFirst()) {
                provenance.add(new FieldProvenance(field, added.toString(), record.id(), SurvivorshipRule.UNION));
            }
        }
        return merged;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int filledValues(Party record) {
        return record.phones().size() + record.emails().size() + record.customFields().size();
    }
}
