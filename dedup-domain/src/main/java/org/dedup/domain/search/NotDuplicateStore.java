package org.dedup.domain.search;

import java.util.Set;

import org.dedup.domain.model.TenantId;

/** Port: the pairs a person marked "not a duplicate"; bulk search and check on save never report them again. */
public interface NotDuplicateStore {

    void mark(TenantId tenant, RecordPair pair);

    Set<RecordPair> all(TenantId tenant);
}
