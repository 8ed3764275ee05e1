package org.dedup.domain.model;

/** The role of a contact on its link to a lead; the email, phone and contact-field methods match primary contacts only. */
public enum ContactRole {
    PRIMARY, SECONDARY
}
