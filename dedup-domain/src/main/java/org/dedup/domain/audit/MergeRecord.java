package org.dedup.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.party.PartyMergeEntry;

/**
 * A journaled merge of leads, contacts or companies as the audit shows it: when, started how, applied or undone,
 * every record as it was before ({@code before}, survivor first, then the absorbed ones), the survivor after it,
 * and where each field came from.
 */
public record MergeRecord(MergeId id, RecordKind records, MergeKind kind, Instant at, MergeState state,
                          RecordRef survivor, List<Object> before, Object after, List<FieldProvenance> provenance) {
    public MergeRecord {
        Require.nonNull(id, "merge id");
        Require.nonNull(records, "record kind");
        Require.nonNull(kind, "merge kind");
        Require.nonNull(at, "merge time");
        Require.nonNull(state, "merge state");
        Require.nonNull(survivor, "survivor");
        before = Require.copy(before, "before-images");
        Require.nonNull(after, "after-image");
        provenance = Require.copy(provenance, "provenance");
    }

    public static MergeRecord of(MergeJournalEntry entry) {
        List<Object> before = new ArrayList<>();
        before.add(entry.survivorBefore());
        before.addAll(entry.absorbed());
        return new MergeRecord(entry.id(), RecordKind.LEAD, entry.kind(), entry.at(), entry.state(),
                entry.survivorAfter().id(), before, entry.survivorAfter(), entry.provenance());
    }

    /** A contact or company merge; one that absorbed a record never stored was duplicate control's. */
    public static MergeRecord of(PartyMergeEntry<?> entry) {
        List<Object> before = new ArrayList<>(entry.before());
        before.addAll(entry.incoming());
        return new MergeRecord(entry.id(), entry.kind(), entry.incoming().isEmpty() ? MergeKind.MANUAL
                : MergeKind.DUPLICATE_CONTROL, entry.at(), entry.state(), entry.after().id(), before, entry.after(),
                entry.provenance());
    }

    public Position position() {
        return new Position(at, id.value());
    }
}
