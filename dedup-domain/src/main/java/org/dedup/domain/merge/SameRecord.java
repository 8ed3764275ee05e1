package org.dedup.domain.merge;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * When an incoming contact or company is one already linked to a lead. A contact is the same one when it has the
 * same id, else shares a standardized email, else a phone, else has the same full name (word order aside); the
 * stronger ground wins, so a contact sharing an email with one contact and only a name with another is the first.
 * A company is the same one when it has the same id or the same standardized name (or, both nameless, website).
 */
public final class SameRecord {
    private final RecordStandardizer standardizer;

    public SameRecord(RecordStandardizer standardizer) {
        this.standardizer = standardizer;
    }

    /** The position in {@code contacts} of the contact {@code incoming} is, or -1 when it is none of them. */
    public int indexIn(List<LinkedContact> contacts, Contact incoming, StandardizationOptions options) {
        List<BiPredicate<Contact, Contact>> grounds = List.of(
                (stored, in) -> stored.id().equals(in.id()),
                (stored, in) -> shares(stored.emails(), in.emails(), e -> standardizer.emailIdentity(e, options)),
                (stored, in) -> shares(stored.phones(), in.phones(), p -> standardizer.phoneIdentity(p, options)),
                (stored, in) -> sameText(standardizer.nameIdentity(stored.fullName()),
                        standardizer.nameIdentity(in.fullName())));
        for (BiPredicate<Contact, Contact> ground : grounds) {
            for (int i = 0; i < contacts.size(); i++) {
                if (ground.test(contacts.get(i).contact(), incoming)) {
                    return i;
                }
            }
        }
        return -1;
    }

    public boolean sameCompany(Company stored, Company incoming) {
        if (stored.id().equals(incoming.id())) {
            return true;
        }
        String storedName = standardizer.companyNameIdentity(stored);
        String incomingName = standardizer.companyNameIdentity(incoming);
        if (!storedName.isEmpty() || !incomingName.isEmpty()) {
            return sameText(storedName, incomingName);
        }
        return sameText(standardizer.websiteIdentity(stored), standardizer.websiteIdentity(incoming));
    }

    private static <T> boolean shares(Collection<T> stored, Collection<T> incoming, Function<T, String> identity) {
        Set<String> storedKeys = stored.stream().map(identity).filter(k -> !k.isEmpty()).collect(Collectors.toSet());
        return incoming.stream().map(identity).anyMatch(storedKeys::contains);
    }

    private static boolean sameText(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }
}
