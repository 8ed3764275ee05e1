package org.dedup.domain.standardize;

import java.io.Serializable;

import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Require;

/**
 * A lead with two standardized views: {@code primary} holds the lead's own fields plus its primary contact and
 * company (what the email, phone and contact-field methods may match on a stored lead); {@code all} adds every
 * other contact (what an incoming lead offers, and what duplicate rules compare).
 */
public record LeadProfile(Lead lead, RecordProfile primary, RecordProfile all) implements Serializable {
    public LeadProfile {
        Require.nonNull(lead, "lead");
        Require.nonNull(primary, "primary profile");
        Require.nonNull(all, "full profile");
    }
}
