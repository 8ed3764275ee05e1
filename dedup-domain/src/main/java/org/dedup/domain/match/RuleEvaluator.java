package org.dedup.domain.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;

/** Applies duplicate rules to a pair of standardized records: a duplicate when every field of a rule shares a value. */
public final class RuleEvaluator {

    /** The first of {@code rules} that holds for the pair, as a candidate pointing at {@code other}. */
    public Optional<MatchCandidate> evaluate(RecordProfile record, RecordProfile other, List<DuplicateRule> rules) {
        for (DuplicateRule rule : rules) {
            if (!rule.appliesTo(record.ref().kind(), other.ref().kind())) {
                continue;
            }
            List<FieldMatch> explanation = holds(rule, record, other);
            if (!explanation.isEmpty()) {
                return Optional.of(new MatchCandidate(other.ref(), MatchMethod.DUPLICATE_RULE, Verdict.DUPLICATE, 1.0,
                        explanation));
            }
        }
        return Optional.empty();
    }

    /** The shared value of each field of the rule, or nothing when a field shares none. */
    public List<FieldMatch> holds(DuplicateRule rule, RecordProfile record, RecordProfile other) {
        List<FieldMatch> explanation = new ArrayList<>();
        for (ProfileField field : rule.fields()) {
            Set<String> shared = new TreeSet<>(record.values(field));
            shared.retainAll(other.values(field));
            if (shared.isEmpty()) {
                return List.of();
            }
            String value = shared.iterator().next();
            explanation.add(new FieldMatch(field.name(), value, value, "equal (rule '" + rule.name() + "')", 1.0));
        }
        return explanation;
    }
}
