package org.dedup.domain.settings;

/** What happens when 2 up to the merge limit (3 by default) existing leads match an incoming lead. */
public enum MultiMatchPolicy {
    UPDATE_ALL, UPDATE_NEWEST, CREATE_NEW
}
