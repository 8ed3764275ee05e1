package org.dedup.persistence.search;

import static org.dedup.persistence.jooq.Tables.PAIR_LABEL;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.PairLabel;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.persistence.Timestamps;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.PairLabelRecord;
import org.jooq.DSLContext;

/** Labelled pairs, one row per pair in its canonical order; a new answer updates the row. */
public final class JooqPairLabelStore implements PairLabelStore {
    private final DSLContext dsl;

    public JooqPairLabelStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void save(TenantId tenant, PairLabel label) {
        RecordPair pair = label.pair();
        Storage.run("store the label of", pair, tenant, () -> dsl.insertInto(PAIR_LABEL)
                .set(PAIR_LABEL.TENANT_ID, tenant.value())
                .set(PAIR_LABEL.FIRST_KIND, pair.first().kind().name())
                .set(PAIR_LABEL.FIRST_ID, pair.first().value())
                .set(PAIR_LABEL.SECOND_KIND, pair.second().kind().name())
                .set(PAIR_LABEL.SECOND_ID, pair.second().value())
                .set(PAIR_LABEL.ANSWER, label.answer().name())
                .set(PAIR_LABEL.LABELLED_AT, Timestamps.time(label.labelledAt()))
                .onConflict(PAIR_LABEL.TENANT_ID, PAIR_LABEL.FIRST_KIND, PAIR_LABEL.FIRST_ID, PAIR_LABEL.SECOND_KIND,
                        PAIR_LABEL.SECOND_ID)
                .doUpdate()
                .set(PAIR_LABEL.ANSWER, label.answer().name())
                .set(PAIR_LABEL.LABELLED_AT, Timestamps.time(label.labelledAt()))
                .execute());
    }

    @Override
    public List<PairLabel> all(TenantId tenant) {
        return Storage.attempt("read", "labelled pairs", tenant, () -> dsl.selectFrom(PAIR_LABEL)
                .where(PAIR_LABEL.TENANT_ID.eq(tenant.value()))
                .orderBy(PAIR_LABEL.LABELLED_AT, PAIR_LABEL.FIRST_KIND, PAIR_LABEL.FIRST_ID, PAIR_LABEL.SECOND_KIND,
                        PAIR_LABEL.SECOND_ID)
                .fetch(JooqPairLabelStore::label));
    }

    private static PairLabel label(PairLabelRecord row) {
        return new PairLabel(new RecordPair(ref(row.getFirstKind(), row.getFirstId()),
                ref(row.getSecondKind(), row.getSecondId())), PairAnswer.valueOf(row.getAnswer()),
                Timestamps.instant(row.getLabelledAt()));
    }

    private static RecordRef ref(String kind, UUID id) {
        return RecordRef.of(RecordKind.valueOf(kind), id);
    }
}
