package org.dedup.domain.settings;

/** What a merge does when the incoming lead's data conflicts with the existing lead's. */
public enum ConflictPolicy {
    /** The existing lead is updated with the incoming phones, emails and fields. */
    UPDATE_EXISTING,
    /** No existing value is changed; only values the existing lead lacks are added. */
    KEEP_EXISTING
}
