package org.dedup.domain.search;

import java.util.function.Consumer;

import org.dedup.domain.match.ScannedRecord;

/**
 * A tenant's records as a bulk search reads them (the record and its profile), given one at a time so that a search
 * by a model never needs them all in memory. Each call gives every record once, in the same order.
 */
@FunctionalInterface
public interface RecordSource {
    void forEach(Consumer<ScannedRecord> action);
}
