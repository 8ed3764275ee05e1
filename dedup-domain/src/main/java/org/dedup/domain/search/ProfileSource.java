package org.dedup.domain.search;

import java.util.function.Consumer;

import org.dedup.domain.standardize.RecordProfile;

/**
 * A tenant's standardized records, given one at a time (read from storage in pages, or from a file) so that a
 * search never needs them all in memory. Each call gives every record once, in the same order.
 */
@FunctionalInterface
public interface ProfileSource {
    void forEach(Consumer<RecordProfile> action);
}
