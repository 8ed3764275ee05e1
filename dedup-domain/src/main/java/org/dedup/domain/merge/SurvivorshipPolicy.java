package org.dedup.domain.merge;

import java.util.List;
import java.util.Locale;
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

    /** The rules a person can name for a whole merge: every field not chosen by hand is picked by one of them. */
    public static final List<SurvivorshipRule> NAMEABLE = List.of(SurvivorshipRule.NEWEST, SurvivorshipRule.OLDEST,
            SurvivorshipRule.MOST_COMPLETE, SurvivorshipRule.SOURCE_PRIORITY);

    public static SurvivorshipPolicy newestWins() {
        return of(SurvivorshipRule.NEWEST);
    }

    /** Every field picked by {@code rule}; source channels ranked in their declared order. */
    public static SurvivorshipPolicy of(SurvivorshipRule rule) {
        return new SurvivorshipPolicy(Map.of(), rule, List.of(SourceChannel.values()));
    }

    /**
     * The policy a merge request names by its rule's lower-case name ({@code newest}, {@code oldest},
     * {@code most_complete}, {@code source_priority}); an unknown name is refused, naming it and the known ones.
     */
    public static SurvivorshipPolicy named(String name) {
        Require.nonNull(name, "survivorship rule name");
        return NAMEABLE.stream().filter(rule -> nameOf(rule).equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst().map(SurvivorshipPolicy::of)
                .orElseThrow(() -> new InvalidRecordException("unknown survivorship rule '" + name + "'; one of "
                        + NAMEABLE.stream().map(SurvivorshipPolicy::nameOf).toList()));
    }

    /** The name a request gives {@code rule} by: its constant in lower case. */
    public static String nameOf(SurvivorshipRule rule) {
        return rule.name().toLowerCase(Locale.ROOT);
    }

    public SurvivorshipRule ruleFor(String field) {
        return rules.getOrDefault(field, defaultRule);
    }
}
