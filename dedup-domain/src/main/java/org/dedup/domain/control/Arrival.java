package org.dedup.domain.control;

/** What became of an arrival: its decision, and whether that was an earlier one replayed for a retried request. */
record Arrival(Decision decision, boolean replayed) {
}
