package org.dedup.domain.standardize;

import java.io.Serializable;

/** A value that could not be standardized (an invalid phone or email): reported, never silently matched. */
public record StandardizationIssue(String field, String value, String reason) implements Serializable {
}
