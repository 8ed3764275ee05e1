package org.dedup.ml.record;

/** A pair of person records labelled as the same person ({@code match}) or not. */
public record LabelledPair(PersonPair pair, boolean match) {
    public LabelledPair {
        if (pair == null) {
            throw new IllegalArgumentException("a labelled pair needs its records");
        }
    }
}
