package org.dedup.matchers.builtin;

import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.ProfileField;

/**
 * Kommo "match phone numbers": a phone of the incoming lead's contacts finds leads whose primary contact has the
 * same number, compared by E.164 key so national formats (read in the tenant's region) match international ones.
 */
public final class PhoneMatcher extends SharedValueMatcher {
    public PhoneMatcher() {
        super(MatchMethod.PHONE, ProfileField.PHONE);
    }
}
