package org.dedup.domain.merge;

/** Whether a journaled merge is still in effect. */
public enum MergeState {
    APPLIED, UNDONE
}
