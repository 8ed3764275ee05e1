package org.dedup.matchers.builtin;

import java.util.List;
import java.util.Set;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.RuleEvaluator;
import org.dedup.domain.match.SearchKeys;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;

/**
 * The tenant's active lead-to-lead duplicate rules as a duplicate-control method ({@code duplicate_rule}): an
 * incoming lead is a duplicate of a stored one when every field of a rule shares a standardized value, over all
 * contacts of both.
 */
public final class DuplicateRuleMatcher implements Matcher {
    private final RuleEvaluator evaluator = new RuleEvaluator();

    @Override
    public MatchMethod method() {
        return MatchMethod.DUPLICATE_RULE;
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        return SearchKeys.index(stored.all());
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        return SearchKeys.probe(incoming.all(), leadRules(context));
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        List<DuplicateRule> rules = leadRules(context);
        return candidates.stream()
                .flatMap(candidate -> evaluator.evaluate(incoming.all(), candidate.all(), rules).stream())
                .toList();
    }

    private static List<DuplicateRule> leadRules(MatchContext context) {
        return context.rules().stream().filter(DuplicateRule::active)
                .filter(r -> r.appliesTo(RecordKind.LEAD, RecordKind.LEAD)).toList();
    }
}
