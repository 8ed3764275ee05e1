package org.dedup.domain.standardize;

/** The comparison keys of a phone number, or the reason it cannot be compared. */
public sealed interface PhoneKey {
    /** {@code e164} like {@code +442079460958}; {@code last10} its last ten digits (the Creatio compatibility key). */
    record Valid(String e164, String last10) implements PhoneKey {
    }

    record Invalid(String raw, String reason) implements PhoneKey {
    }
}
