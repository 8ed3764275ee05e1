package org.dedup.domain.standardize;

/** A value that could not be standardized (an invalid phone or email): reported, never silently matched. */
public record StandardizationIssue(String field, String value, String reason) {
}
