package org.dedup.domain.match;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;

/**
 * The keys a record is indexed under for duplicate search: every standardized value of the fields rules compare,
 * namespaced {@code rule_<field>}. A rule can only hold for a pair that shares a value of its first field, so
 * looking up those keys finds every candidate without a scan.
 */
public final class SearchKeys {
    static final List<ProfileField> INDEXED = List.of(ProfileField.FULL_NAME, ProfileField.EMAIL, ProfileField.PHONE,
            ProfileField.PHONE_LAST10, ProfileField.COMPANY_NAME, ProfileField.WEBSITE);

    private SearchKeys() {
    }

    /** The keys to store with a record: its values of every standard field rules may use, and of custom fields. */
    public static Set<MatchKey> index(RecordProfile profile) {
        Set<MatchKey> keys = new HashSet<>();
        profile.fields().forEach((field, values) -> {
            if (INDEXED.contains(field) || field.isCustom()) {
                values.forEach(value -> keys.add(key(field, value)));
            }
        });
        return keys;
    }

    /** The keys to look up to find the records {@code rules} could pair with {@code profile}. */
    public static Set<MatchKey> probe(RecordProfile profile, List<DuplicateRule> rules) {
        Set<MatchKey> keys = new HashSet<>();
        for (DuplicateRule rule : rules) {
            ProfileField first = rule.fields().getFirst();
            profile.values(first).forEach(value -> keys.add(key(first, value)));
        }
        return keys;
    }

    /** The index keys of {@code profile}'s values of {@code fields}: what finds records sharing one of them. */
    public static Set<MatchKey> of(RecordProfile profile, List<ProfileField> fields) {
        Set<MatchKey> keys = new HashSet<>();
        fields.forEach(field -> profile.values(field).forEach(value -> keys.add(key(field, value))));
        return keys;
    }

    /** The key a record holding {@code value} in {@code field} is indexed under. */
    public static MatchKey key(ProfileField field, String value) {
        return new MatchKey("rule_" + field.name(), value);
    }
}
