package org.dedup.domain.match;

import org.dedup.domain.control.DuplicateControlSettings;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** What a matcher may know about the check it takes part in. */
public record MatchContext(TenantId tenant, DuplicateControlSettings settings) {
    public MatchContext {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(settings, "settings");
    }
}
