package org.dedup.persistence.control;

import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.MERGE_JOURNAL;

import java.util.List;
import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.statement.ArrayRows;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** Merge journal entries with their before- and after-images as JSON; written in the merge's transaction. */
public final class JooqMergeJournal implements MergeJournal {
    private final DSLContext dsl;
    private final DocumentCodec codec;
    private final RenderedStatements statements;

    public JooqMergeJournal(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
        this.statements = new RenderedStatements(dsl);
    }

    @Override
    public void append(MergeJournalEntry entry) {
        // inside the merge's transaction, sent with its next statement or its commit
        Storage.run("journal", entry.id(), entry.tenant(), () -> statements.executeLater("append",
                v -> insertion(v, entry)));
    }

    /** PostgreSQL: one statement, sent later as {@link #append} sends one; elsewhere one JDBC batch. */
    @Override
    public void appendAll(List<MergeJournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // inside the merges' transaction, sent with its next statement or its commit
        Storage.run("journal", entries.size() + " merges", entries.getFirst().tenant(),
                () -> statements.executeAllLater("append", entries, v -> insertionAsArrays(v, entries),
                        this::insertion));
    }

    /** PostgreSQL: the insert of all the entries, by a statement of one text however many. */
    private Query insertionAsArrays(Binds v, List<MergeJournalEntry> entries) {
        ArrayRows rows = new ArrayRows("j", List.of(MERGE_JOURNAL.TENANT_ID, MERGE_JOURNAL.ID, MERGE_JOURNAL.MERGED_AT,
                MERGE_JOURNAL.KIND, MERGE_JOURNAL.STATE, MERGE_JOURNAL.SURVIVOR, MERGE_JOURNAL.DOCUMENT));
        entries.forEach(entry -> rows.add(entry.tenant().value(), entry.id().value(), time(entry.at()),
                entry.kind().name(), entry.state().name(), entry.survivorAfter().id().value(), codec.write(entry)));
        return dsl.insertInto(MERGE_JOURNAL, MERGE_JOURNAL.TENANT_ID, MERGE_JOURNAL.ID, MERGE_JOURNAL.MERGED_AT,
                        MERGE_JOURNAL.KIND, MERGE_JOURNAL.STATE, MERGE_JOURNAL.SURVIVOR, MERGE_JOURNAL.DOCUMENT)
                .select(DSL.select(rows.field(MERGE_JOURNAL.TENANT_ID), rows.field(MERGE_JOURNAL.ID),
                        rows.field(MERGE_JOURNAL.MERGED_AT), rows.field(MERGE_JOURNAL.KIND),
                        rows.field(MERGE_JOURNAL.STATE), rows.field(MERGE_JOURNAL.SURVIVOR),
                        rows.field(MERGE_JOURNAL.DOCUMENT)).from(rows.table(v)));
    }

    private Query insertion(Binds v, MergeJournalEntry entry) {
        return dsl.insertInto(MERGE_JOURNAL)
                .set(MERGE_JOURNAL.TENANT_ID, v.of(MERGE_JOURNAL.TENANT_ID, entry.tenant().value()))
                .set(MERGE_JOURNAL.ID, v.of(MERGE_JOURNAL.ID, entry.id().value()))
                .set(MERGE_JOURNAL.MERGED_AT, v.of(MERGE_JOURNAL.MERGED_AT, time(entry.at())))
                .set(MERGE_JOURNAL.KIND, v.of(MERGE_JOURNAL.KIND, entry.kind().name()))
                .set(MERGE_JOURNAL.STATE, v.of(MERGE_JOURNAL.STATE, entry.state().name()))
                .set(MERGE_JOURNAL.SURVIVOR, v.of(MERGE_JOURNAL.SURVIVOR, entry.survivorAfter().id().value()))
                .set(MERGE_JOURNAL.DOCUMENT, v.of(MERGE_JOURNAL.DOCUMENT, codec.write(entry)));
    }

    @Override
    public Optional<MergeJournalEntry> find(TenantId tenant, MergeId id) {
        return Storage.attempt("read", id, tenant, () -> dsl.select(MERGE_JOURNAL.DOCUMENT).from(MERGE_JOURNAL)
                .where(MERGE_JOURNAL.TENANT_ID.eq(tenant.value()), MERGE_JOURNAL.ID.eq(id.value()))
                .fetchOptional(MERGE_JOURNAL.DOCUMENT).map(d -> codec.read(d, MergeJournalEntry.class)));
    }

    @Override
    public void markUndone(TenantId tenant, MergeId id) {
        find(tenant, id).ifPresent(entry -> Storage.run("mark undone", id, tenant, () -> dsl.update(MERGE_JOURNAL)
                .set(MERGE_JOURNAL.STATE, MergeState.UNDONE.name())
                .set(MERGE_JOURNAL.DOCUMENT, codec.write(entry.undone()))
                .where(MERGE_JOURNAL.TENANT_ID.eq(tenant.value()), MERGE_JOURNAL.ID.eq(id.value()))
                .execute()));
    }

    @Override
    public List<MergeJournalEntry> recent(TenantId tenant, int limit) {
        return Storage.attempt("read", "recent merges", tenant, () -> dsl.select(MERGE_JOURNAL.DOCUMENT)
                .from(MERGE_JOURNAL)
                .where(MERGE_JOURNAL.TENANT_ID.eq(tenant.value()))
                .orderBy(MERGE_JOURNAL.MERGED_AT.desc()).limit(limit)
                .fetch(r -> codec.read(r.value1(), MergeJournalEntry.class)));
    }
}
