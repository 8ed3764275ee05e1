package org.dedup.app.http;

import java.util.List;

import com.google.inject.Inject;

import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Party;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;
import org.dedup.domain.standardize.Standardizer;

/**
 * The API refuses an email that cannot be an address (400 naming it), where matching would only set it aside:
 * stored records and imports keep what they were given, a caller of the API is told at once.
 */
final class ValidEmails {
    private final Standardizer standardizer;

    @Inject
    ValidEmails(Standardizer standardizer) {
        this.standardizer = standardizer;
    }

    IncomingLead of(IncomingLead lead) {
        lead.contacts().stream().map(LinkedContact::contact).forEach(this::of);
        lead.companies().forEach(this::of);
        return lead;
    }

    <P extends Party> P of(P party) {
        check(party.emails());
        return party;
    }

    private void check(List<Email> emails) {
        for (Email email : emails) {
            if (standardizer.email(email.address(), EmailFolding.NONE) instanceof EmailKey.Invalid invalid) {
                throw new InvalidRecordException(invalid.reason());
            }
        }
    }
}
