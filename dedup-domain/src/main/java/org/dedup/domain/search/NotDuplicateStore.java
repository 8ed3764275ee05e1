package org.dedup.domain.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;

/**
 * Port: the pairs a person marked "not a duplicate" (or that an unmerge separated). Bulk search never groups them,
 * check on save never reports them, and duplicate control never merges them.
 */
public interface NotDuplicateStore {

    /** Marks the pair; marking a marked pair again changes nothing. */
    void mark(TenantId tenant, RecordPair pair);

    /** Removes the mark; false when the pair was not marked. */
    boolean unmark(TenantId tenant, RecordPair pair);

    Set<RecordPair> all(TenantId tenant);

    /** The records marked "not a duplicate" of {@code record}, by an indexed lookup. */
    Set<RecordRef> markedWith(TenantId tenant, RecordRef record);

    /**
     * A page: at most {@code limit} marked pairs, after the pair {@code after} when given, in an order of the store's
     * own that stays the same from page to page. The last pair of a page is where the next one starts, so the pages
     * list every pair once.
     */
    List<RecordPair> page(TenantId tenant, Optional<RecordPair> after, int limit);
}
