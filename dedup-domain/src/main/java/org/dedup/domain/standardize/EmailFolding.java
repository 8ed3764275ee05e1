package org.dedup.domain.standardize;

/** How far email addresses are folded before comparison. */
public enum EmailFolding {
    /** Only the standardization of the spec: lower case, letters, digits, {@code @ _ .}. */
    NONE,
    /** Also drops dots and a {@code +tag} from the local part of Gmail addresses (j.doe+crm@gmail.com == jdoe@gmail.com). */
    GMAIL_DOTS_AND_PLUS
}
