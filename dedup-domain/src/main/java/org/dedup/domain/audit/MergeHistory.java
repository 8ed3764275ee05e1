package org.dedup.domain.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/** Port: the merge journals read a page at a time, newest first, for the audit. */
public interface MergeHistory {

    /**
     * Which merges of one kind of record: by survivor, state and (leads only: the journal of contacts and
     * companies does not keep it apart) what started them.
     */
    record Query(RecordKind records, Optional<UUID> survivor, Optional<MergeState> state, Optional<MergeKind> kind,
                 TimePage page) {
        public Query {
            Require.nonNull(records, "record kind");
            Require.nonNull(survivor, "survivor");
            Require.nonNull(state, "merge state");
            Require.nonNull(kind, "merge kind");
            Require.nonNull(page, "page");
            if (records != RecordKind.LEAD && kind.isPresent()) {
                throw new InvalidRecordException("the merge kind filter applies to lead merges only");
            }
        }
    }

    List<MergeRecord> page(TenantId tenant, Query query);
}
