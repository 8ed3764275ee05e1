package org.dedup.ml.record;

/** Two person records compared with each other. */
public record PersonPair(PersonRecord first, PersonRecord second) {
    public PersonPair {
        if (first == null || second == null) {
            throw new IllegalArgumentException("a pair needs two records");
        }
    }
}
