package org.dedup.app.config;

import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.model.InvalidOptionException;

/** The {@code limits} section: how much one lead may carry (the defaults of {@link LeadLimits#defaults()}). */
public record LimitsConfig(Integer contactsPerLead, Integer emailsPerContact, Integer phonesPerContact,
                           Integer emailsPerLead, Integer phonesPerLead, Integer pixelsPerLead,
                           Integer genericKeyLeads) {
    public LimitsConfig {
        try {
            leadLimits(contactsPerLead, emailsPerContact, phonesPerContact, emailsPerLead, phonesPerLead,
                    pixelsPerLead, genericKeyLeads);
        } catch (InvalidOptionException e) {
            throw new ConfigException(e.option(), e.problem());
        }
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null, null, null, null);
    }

    /** The limits, a missing one at its default. */
    public LeadLimits leadLimits() {
        return leadLimits(contactsPerLead, emailsPerContact, phonesPerContact, emailsPerLead, phonesPerLead,
                pixelsPerLead, genericKeyLeads);
    }

    private static LeadLimits leadLimits(Integer contactsPerLead, Integer emailsPerContact, Integer phonesPerContact,
                                         Integer emailsPerLead, Integer phonesPerLead, Integer pixelsPerLead,
                           Integer genericKeyLeads) {
        LeadLimits d = LeadLimits.defaults();
        return new LeadLimits(or(contactsPerLead, d.contactsPerLead()), or(emailsPerContact, d.emailsPerContact()),
                or(phonesPerContact, d.phonesPerContact()), or(emailsPerLead, d.emailsPerLead()),
                or(phonesPerLead, d.phonesPerLead()), or(pixelsPerLead, d.pixelsPerLead()),
                or(genericKeyLeads, d.genericKeyLeads()));
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
