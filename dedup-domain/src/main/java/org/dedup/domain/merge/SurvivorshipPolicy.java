package org.dedup.domain.merge;

import java.util.List;
import java.util.Map;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.SourceChannel;

/**
 * How a manual merge picks each single-value field ("name", "stage", "custom.&lt;key&gt;"): a rule per field, a
 * default rule, and the ranking of source channels for SOURCE_PRIORITY. Multi-value fields (contacts, phones,
 * emails, pixels, companies) are always united.
 */
public record SurvivorshipPolicy(Map<String, SurvivorshipRule> rules, SurvivorshipRule defaultRule,
                                 List<SourceChannel> sourcePriority) {
    public SurvivorshipPolicy {
        rules = Require.copy(rules, "survivorship rules");
        Require.nonNull(defaultRule, "default survivorship rule");
        sourcePriority = Require.copy(sourcePriority, "source priority");
        for (SurvivorshipRule rule : rules.values()) {
            if (rule == SurvivorshipRule.UNION || rule == SurvivorshipRule.MANUAL || rule == SurvivorshipRule.INCOMING
                    || rule == SurvivorshipRule.EXISTING) {
                throw new InvalidRecordException("survivorship rule " + rule
                        + " cannot be configured for a field; use NEWEST, OLDEST, MOST_COMPLETE or SOURCE_PRIORITY");
            }
        }
    }

    public static SurvivorshipPolicy newestWins() {
        return new SurvivorshipPolicy(Map.of(), SurvivorshipRule.NEWEST, List.of(SourceChannel.values()));
    }

    public SurvivorshipRule ruleFor(String field) {
        return rules.getOrDefault(field, defaultRule);
    }
}
