package org.dedup.domain.model;

/** The kinds of phone a contact or company may have; duplicate search compares all of them with each other. */
public enum PhoneType {
    WORK, MOBILE, HOME, OTHER
}
