package org.dedup.persistence.party;

import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.PARTY_MERGE_JOURNAL;

import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.domain.party.PartyMergeJournal;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.DSLContext;

/** Contact and company merge entries as JSON documents, with the kind of record they merged beside them. */
public final class JooqPartyMergeJournal implements PartyMergeJournal {
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqPartyMergeJournal(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    @Override
    public void append(PartyMergeEntry<?> entry) {
        Storage.run("journal", entry.id(), entry.tenant(), () -> dsl.insertInto(PARTY_MERGE_JOURNAL)
                .set(PARTY_MERGE_JOURNAL.TENANT_ID, entry.tenant().value())
                .set(PARTY_MERGE_JOURNAL.ID, entry.id().value())
                .set(PARTY_MERGE_JOURNAL.MERGED_AT, time(entry.at()))
                .set(PARTY_MERGE_JOURNAL.RECORD_KIND, entry.kind().name())
                .set(PARTY_MERGE_JOURNAL.STATE, entry.state().name())
                .set(PARTY_MERGE_JOURNAL.SURVIVOR, entry.after().id().value())
                .set(PARTY_MERGE_JOURNAL.DOCUMENT, codec.write(entry))
                .execute());
    }

    @Override
    public <P extends Party> Optional<PartyMergeEntry<P>> find(TenantId tenant, MergeId id, Class<P> type) {
        RecordKind kind = type == Company.class ? RecordKind.COMPANY : RecordKind.CONTACT;
        return Storage.attempt("read", id, tenant, () -> dsl.select(PARTY_MERGE_JOURNAL.DOCUMENT)
                .from(PARTY_MERGE_JOURNAL)
                .where(PARTY_MERGE_JOURNAL.TENANT_ID.eq(tenant.value()), PARTY_MERGE_JOURNAL.ID.eq(id.value()),
                        PARTY_MERGE_JOURNAL.RECORD_KIND.eq(kind.name()))
                .fetchOptional(PARTY_MERGE_JOURNAL.DOCUMENT)
                .map(document -> codec.<PartyMergeEntry<P>>read(document, PartyMergeEntry.class, type)));
    }

    @Override
    public void markUndone(TenantId tenant, MergeId id) {
        Storage.run("mark undone", id, tenant, () -> dsl.select(PARTY_MERGE_JOURNAL.DOCUMENT,
                        PARTY_MERGE_JOURNAL.RECORD_KIND).from(PARTY_MERGE_JOURNAL)
                .where(PARTY_MERGE_JOURNAL.TENANT_ID.eq(tenant.value()), PARTY_MERGE_JOURNAL.ID.eq(id.value()))
                .fetchOptional()
                .ifPresent(row -> dsl.update(PARTY_MERGE_JOURNAL)
                        .set(PARTY_MERGE_JOURNAL.STATE, MergeState.UNDONE.name())
                        .set(PARTY_MERGE_JOURNAL.DOCUMENT, codec.write(codec.<PartyMergeEntry<?>>read(row.value1(),
                                PartyMergeEntry.class, typeOf(RecordKind.valueOf(row.value2()))).undone()))
                        .where(PARTY_MERGE_JOURNAL.TENANT_ID.eq(tenant.value()),
                                PARTY_MERGE_JOURNAL.ID.eq(id.value()))
                        .execute()));
    }

    private static Class<? extends Party> typeOf(RecordKind kind) {
        return kind == RecordKind.COMPANY ? Company.class : org.dedup.domain.model.Contact.class;
    }
}
