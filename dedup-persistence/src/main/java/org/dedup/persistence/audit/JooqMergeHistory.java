package org.dedup.persistence.audit;

import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.MERGE_JOURNAL;
import static org.dedup.persistence.jooq.Tables.PARTY_MERGE_JOURNAL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.audit.MergeRecord;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The lead and the contact/company merge journals a page at a time, newest first, by (merged_at, id). */
public final class JooqMergeHistory implements MergeHistory {
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqMergeHistory(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    @Override
    public List<MergeRecord> page(TenantId tenant, Query query) {
        return Storage.attempt("read", "a page of the merge journal", tenant, () -> query.records() == RecordKind.LEAD
                ? leads(tenant, query) : parties(tenant, query));
    }

    private List<MergeRecord> leads(TenantId tenant, Query query) {
        Condition filters = DSL.and(
                query.survivor().map(id -> MERGE_JOURNAL.SURVIVOR.eq(id)).orElse(DSL.noCondition()),
                query.state().map(s -> MERGE_JOURNAL.STATE.eq(s.name())).orElse(DSL.noCondition()),
                query.kind().map(k -> MERGE_JOURNAL.KIND.eq(k.name())).orElse(DSL.noCondition()));
        return dsl.select(MERGE_JOURNAL.DOCUMENT).from(MERGE_JOURNAL)
                .where(MERGE_JOURNAL.TENANT_ID.eq(tenant.value()), filters,
                        window(query.page(), MERGE_JOURNAL.MERGED_AT, MERGE_JOURNAL.ID))
                .orderBy(MERGE_JOURNAL.MERGED_AT.desc(), MERGE_JOURNAL.ID.desc())
                .limit(query.page().limit())
                .fetch(r -> MergeRecord.of(codec.read(r.value1(), MergeJournalEntry.class)));
    }

    private List<MergeRecord> parties(TenantId tenant, Query query) {
        Condition filters = DSL.and(
                query.survivor().map(id -> PARTY_MERGE_JOURNAL.SURVIVOR.eq(id)).orElse(DSL.noCondition()),
                query.state().map(s -> PARTY_MERGE_JOURNAL.STATE.eq(s.name())).orElse(DSL.noCondition()));
        Class<?> type = query.records() == RecordKind.COMPANY ? Company.class : Contact.class;
        return dsl.select(PARTY_MERGE_JOURNAL.DOCUMENT).from(PARTY_MERGE_JOURNAL)
                .where(PARTY_MERGE_JOURNAL.TENANT_ID.eq(tenant.value()),
                        PARTY_MERGE_JOURNAL.RECORD_KIND.eq(query.records().name()), filters,
                        window(query.page(), PARTY_MERGE_JOURNAL.MERGED_AT, PARTY_MERGE_JOURNAL.ID))
                .orderBy(PARTY_MERGE_JOURNAL.MERGED_AT.desc(), PARTY_MERGE_JOURNAL.ID.desc())
                .limit(query.page().limit())
                .fetch(r -> MergeRecord.of(codec.<PartyMergeEntry<?>>read(r.value1(), PartyMergeEntry.class, type)));
    }

    /** The page's time range, and only what is older than its position. */
    static Condition window(TimePage page, Field<OffsetDateTime> at, Field<UUID> id) {
        return DSL.and(at.ge(time(page.from())), at.lt(time(page.to())),
                page.before().map(p -> DSL.row(at, id).lt(time(p.at()), p.id())).orElse(DSL.noCondition()));
    }
}
