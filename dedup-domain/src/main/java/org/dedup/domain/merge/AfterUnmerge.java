package org.dedup.domain.merge;

/**
 * What an unmerge remembers. A person who undoes a merge says the records are not duplicates, so by default the
 * survivor and each restored record are marked "not a duplicate" and are never merged or grouped again; a caller
 * undoing a merge for another reason (a test, a wrong survivor choice) can leave them unmarked.
 */
public enum AfterUnmerge {
    MARK_NOT_DUPLICATES,
    LEAVE_UNMARKED
}
