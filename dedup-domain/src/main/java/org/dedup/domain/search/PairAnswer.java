package org.dedup.domain.search;

/** A person's answer to "are these two records one entity?" when labelling pairs for a trained model. */
public enum PairAnswer {
    MATCH, NOT_A_MATCH, UNSURE
}
