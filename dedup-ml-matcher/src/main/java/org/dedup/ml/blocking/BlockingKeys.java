package org.dedup.ml.blocking;

import java.util.LinkedHashSet;
import java.util.Set;

import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.Similarities;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/**
 * The blocking keys of a person: only records sharing a key are ever compared. Each key combines values so a
 * block stays small in a large tenant (a phonetic surname alone would gather thousands), and the keys are
 * independent enough that a duplicate with a typo, a missing value or swapped names still shares one:
 * <ul>
 *   <li>{@code np}: the phonetic code of one name plus the initial of the other, for both orders, so swapped
 *   given name and surname meet;</li>
 *   <li>{@code pc}: postcode plus the surname's phonetic code; {@code ad}: street number plus postcode;</li>
 *   <li>{@code db}: the date of birth (a few people per day even in a large tenant); {@code id}: the identity
 *   number;</li>
 *   <li>{@code em}: the email; {@code el}: its local part (5 characters or more); {@code ph}: the last seven digits
 *   of a phone.</li>
 * </ul>
 */
public final class BlockingKeys {
    private static final int MIN_LOCAL_PART = 5;

    private BlockingKeys() {
    }

    public static Set<String> of(PersonRecord record) {
        Set<String> keys = new LinkedHashSet<>();
        String given = record.value(Attribute.GIVEN_NAME);
        String surname = record.value(Attribute.SURNAME);
        if (!given.isEmpty() && !surname.isEmpty()) {
            keys.add("np:" + Similarities.phoneticCode(surname) + "|" + given.charAt(0));
            keys.add("np:" + Similarities.phoneticCode(given) + "|" + surname.charAt(0));
        }
        String postcode = record.value(Attribute.POSTCODE);
        if (!postcode.isEmpty() && !surname.isEmpty()) {
            keys.add("pc:" + postcode + "|" + Similarities.phoneticCode(surname));
        }
        String number = record.value(Attribute.STREET_NUMBER);
        if (!postcode.isEmpty() && !number.isEmpty()) {
            keys.add("ad:" + number + "|" + postcode);
        }
        if (record.has(Attribute.DATE_OF_BIRTH)) {
            keys.add("db:" + record.value(Attribute.DATE_OF_BIRTH));
        }
        if (record.has(Attribute.ID_NUMBER)) {
            keys.add("id:" + record.value(Attribute.ID_NUMBER));
        }
        for (String email : record.emails()) {
            keys.add("em:" + email);
            String local = PairFeatures.localPart(email);
            if (local.length() >= MIN_LOCAL_PART) {
                keys.add("el:" + local);
            }
        }
        for (String phone : record.phones()) {
            keys.add("ph:" + PairFeatures.suffix(phone));
        }
        return keys;
    }
}
