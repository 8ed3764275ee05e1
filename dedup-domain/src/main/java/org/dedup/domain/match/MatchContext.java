package org.dedup.domain.match;

import java.util.List;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;

/** What a matcher may know about the check it takes part in: the tenant, its settings and its duplicate rules. */
public record MatchContext(TenantId tenant, DuplicateControlSettings settings, List<DuplicateRule> rules) {
    public MatchContext {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(settings, "settings");
        rules = Require.copy(rules, "rules");
    }
}
