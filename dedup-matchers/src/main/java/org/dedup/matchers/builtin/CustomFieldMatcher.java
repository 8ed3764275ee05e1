package org.dedup.matchers.builtin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;

/**
 * Kommo "add field": the text or numeric custom fields the tenant chose are compared by standardized value. A
 * stored lead offers its own fields and those of its primary contact only, so a contact-level field matches only
 * when the duplicated contact is the lead's primary contact.
 */
public final class CustomFieldMatcher implements Matcher {
    private static final String NAMESPACE = "custom_field";

    @Override
    public MatchMethod method() {
        return MatchMethod.CUSTOM_FIELD;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        Set<MatchKey> keys = new HashSet<>();
        stored.primary().fields().forEach((field, values) -> {
            if (field.isCustom()) {
                values.forEach(value -> keys.add(key(field, value)));
            }
        });
        return keys;
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        Set<MatchKey> keys = new HashSet<>();
        for (CustomFieldDefinition definition : context.settings().matchedFields()) {
            ProfileField field = ProfileField.custom(definition.key());
            incoming.all().values(field).forEach(value -> keys.add(key(field, value)));
        }
        return keys;
    }

    /** Sharing a key is the ground of its verdict. */
    @Override
    public boolean matchesOnSharedKey() {
        return true;
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        List<MatchCandidate> matches = new ArrayList<>();
        for (LeadProfile candidate : candidates) {
            List<FieldMatch> shared = new ArrayList<>();
            for (CustomFieldDefinition definition : context.settings().matchedFields()) {
                ProfileField field = ProfileField.custom(definition.key());
                Set<String> offered = incoming.all().values(field);
                candidate.primary().values(field).stream().filter(offered::contains).sorted()
                        .forEach(value -> shared.add(FieldMatch.equal(field.name(), value)));
            }
            if (!shared.isEmpty()) {
                matches.add(new MatchCandidate(candidate.lead().id(), method(), Verdict.DUPLICATE, 1.0, shared));
            }
        }
        return matches;
    }

    private static MatchKey key(ProfileField field, String value) {
        return new MatchKey(NAMESPACE, field.name() + "=" + value);
    }
}
