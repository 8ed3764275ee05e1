package org.dedup.domain.search;

import java.util.function.Consumer;

/**
 * The groups a bulk search found, given one at a time (read back from a search's spill files, say) so that neither
 * the search nor the store they go to needs them all in memory. Read it once: a group new to this search takes a new
 * random id each time it is given.
 */
@FunctionalInterface
public interface GroupSource {
    void forEach(Consumer<DuplicateGroup> action);
}
