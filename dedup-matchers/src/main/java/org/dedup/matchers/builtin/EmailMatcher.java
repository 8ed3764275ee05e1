package org.dedup.matchers.builtin;

import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.ProfileField;

/** Kommo "match email addresses": an email of the incoming lead's contacts finds leads whose primary contact has it. */
public final class EmailMatcher extends SharedValueMatcher {
    public EmailMatcher() {
        super(MatchMethod.EMAIL, ProfileField.EMAIL);
    }
}
