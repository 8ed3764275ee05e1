package org.dedup.domain.control;

import java.util.List;
import java.util.Set;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.TrackingPixel;

/**
 * How much one incoming lead may carry. Every email, phone and pixel is a match key: a lead with thousands of them
 * would be found by every later lead that shares any one of them (and absorb it, collecting its values), and locking
 * them all would hold a lock per key in the database. A lead over a limit is refused whole, the limit named.
 * {@code genericKeyLeads} is how many stored leads may share a key before it is generic, no merge ground on its own.
 */
public record LeadLimits(int contactsPerLead, int emailsPerContact, int phonesPerContact, int emailsPerLead,
                         int phonesPerLead, int pixelsPerLead, int genericKeyLeads) {
    /** The highest value any limit may be set to; beyond it a single lead is a denial of service. */
    public static final int CEILING = 1_000;

    public LeadLimits {
        within(contactsPerLead, "contactsPerLead");
        within(emailsPerContact, "emailsPerContact");
        within(phonesPerContact, "phonesPerContact");
        within(emailsPerLead, "emailsPerLead");
        within(phonesPerLead, "phonesPerLead");
        within(pixelsPerLead, "pixelsPerLead");
        if (genericKeyLeads < 1 || genericKeyLeads >= CandidateSearch.CANDIDATE_LIMIT) {
            throw new InvalidOptionException("limits.genericKeyLeads", "must be between 1 and "
                    + (CandidateSearch.CANDIDATE_LIMIT - 1) + ", was " + genericKeyLeads);
        }
    }

    public static LeadLimits defaults() {
        return new LeadLimits(20, 10, 10, 50, 50, 20, 20);
    }

    private static void within(int value, String limit) {
        if (value < 1 || value > CEILING) {
            throw new InvalidOptionException("limits." + limit, "must be between 1 and " + CEILING + ", was " + value);
        }
    }

    /** @throws LimitExceededException naming the first limit {@code incoming} exceeds */
    public void check(IncomingLead incoming) {
        check(incoming.contacts(), incoming.pixels());
    }

    /** @throws LimitExceededException naming the first limit the changed {@code lead} exceeds */
    public void check(Lead lead) {
        check(lead.contacts(), lead.pixels());
    }

    /**
     * A stand-alone contact or company carries at most what one contact of a lead may.
     *
     * @throws LimitExceededException naming the first limit {@code record} exceeds
     */
    public void check(Party record) {
        String subject = record.id().kind().name().toLowerCase(java.util.Locale.ROOT);
        atMost(subject, record.emails().size(), emailsPerContact, "emailsPerContact", "emails");
        atMost(subject, record.phones().size(), phonesPerContact, "phonesPerContact", "phones");
    }

    private void check(List<LinkedContact> linked, Set<TrackingPixel> pixels) {
        List<Contact> contacts = linked.stream().map(LinkedContact::contact).toList();
        atMost(contacts.size(), contactsPerLead, "contactsPerLead", "contacts");
        for (Contact contact : contacts) {
            atMost(contact.emails().size(), emailsPerContact, "emailsPerContact", "emails on one contact");
            atMost(contact.phones().size(), phonesPerContact, "phonesPerContact", "phones on one contact");
        }
        atMost(contacts.stream().mapToInt(c -> c.emails().size()).sum(), emailsPerLead, "emailsPerLead", "emails");
        atMost(contacts.stream().mapToInt(c -> c.phones().size()).sum(), phonesPerLead, "phonesPerLead", "phones");
        atMost(pixels.size(), pixelsPerLead, "pixelsPerLead", "tracking pixels");
    }

    private static void atMost(int count, int limit, String name, String what) {
        atMost("lead", count, limit, name, what);
    }

    private static void atMost(String subject, int count, int limit, String name, String what) {
        if (count > limit) {
            throw new LimitExceededException("the " + subject + " has " + count + " " + what
                    + ", more than the limit of " + limit + " (limits." + name + ")");
        }
    }

    /** A lead over one of the {@link LeadLimits}; nothing of it was stored. */
    public static final class LimitExceededException extends InvalidRecordException {
        public LimitExceededException(String message) {
            super(message);
        }
    }
}
