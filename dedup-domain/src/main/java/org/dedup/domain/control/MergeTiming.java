package org.dedup.domain.control;

/** When a merge happened relative to storing the incoming lead (the BIG DATA method checks non-chat leads after adding them). */
public enum MergeTiming {
    ON_ARRIVAL, AFTER_ADD, ON_UPDATE
}
