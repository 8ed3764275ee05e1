package org.dedup.persistence.search;

import static org.dedup.persistence.jooq.Tables.DUPLICATE_GROUP;
import static org.dedup.persistence.jooq.Tables.DUPLICATE_GROUP_MEMBER;
import static org.dedup.persistence.jooq.Tables.DUPLICATE_GROUP_SET;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.search.GroupLink;
import org.dedup.domain.search.GroupSource;
import org.dedup.persistence.failure.DuplicateRecordException;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.DuplicateGroupMemberRecord;
import org.dedup.persistence.jooq.tables.records.DuplicateGroupRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.DSLContext;

/**
 * The groups of each tenant's latest bulk search: a row per group (its rules and its links as JSON) and a row per
 * member. A replace is one
 * transaction that first locks (updates) the tenant's row of {@code duplicate_group_set}, so replacements of one
 * tenant take turns, and that deletes and inserts out of readers' sight until it commits, the groups inserted a batch
 * at a time as their source gives them; a failure (of the source too) or a stopped process rolls it back whole. A read is one statement, so it sees one committed set: the old or the new.
 */
public final class JooqDuplicateGroupStore implements DuplicateGroupStore {
    /** Groups inserted together: a few thousand rows, few round trips, little memory. */
    static final int GROUPS_A_BATCH = 1_000;
    private static final TypeReference<List<String>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<GroupLink>> LINKS = new TypeReference<>() {
    };
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqDuplicateGroupStore(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    @Override
    public List<DuplicateGroup> groups(TenantId tenant) {
        return Storage.attempt("read", "duplicate groups", tenant, () -> {
            Map<UUID, List<RecordRef>> members = new LinkedHashMap<>();
            Map<UUID, String> rules = new LinkedHashMap<>();
            Map<UUID, String> links = new HashMap<>();
            dsl.select(DUPLICATE_GROUP.ID, DUPLICATE_GROUP.RULES, DUPLICATE_GROUP_MEMBER.RECORD_KIND,
                            DUPLICATE_GROUP_MEMBER.RECORD_ID, DUPLICATE_GROUP.LINKS)
                    .from(DUPLICATE_GROUP).join(DUPLICATE_GROUP_MEMBER)
                    .on(DUPLICATE_GROUP_MEMBER.TENANT_ID.eq(DUPLICATE_GROUP.TENANT_ID),
                            DUPLICATE_GROUP_MEMBER.GROUP_ID.eq(DUPLICATE_GROUP.ID))
                    .where(DUPLICATE_GROUP.TENANT_ID.eq(tenant.value()))
                    .orderBy(DUPLICATE_GROUP.POSITION, DUPLICATE_GROUP_MEMBER.POSITION)
                    .forEach(row -> {
                        rules.putIfAbsent(row.value1(), row.value2());
                        if (row.value5() != null) {
                            links.putIfAbsent(row.value1(), row.value5());
                        }
                        members.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                                .add(RecordRef.of(RecordKind.valueOf(row.value3()), row.value4()));
                    });
            return members.entrySet().stream().map(group -> new DuplicateGroup(group.getKey(), group.getValue(),
                    codec.read(rules.get(group.getKey()), RULES), links.containsKey(group.getKey())
                    ? codec.read(links.get(group.getKey()), LINKS) : List.of())).toList();
        });
    }

    @Override
    public void replace(TenantId tenant, GroupSource groups) {
        ensureSetRow(tenant);
        Storage.run("replace", "the duplicate groups", tenant, () -> dsl.transaction(configuration -> {
            dsl.update(DUPLICATE_GROUP_SET)
                    .set(DUPLICATE_GROUP_SET.REPLACEMENTS, DUPLICATE_GROUP_SET.REPLACEMENTS.plus(1L))
                    .where(DUPLICATE_GROUP_SET.TENANT_ID.eq(tenant.value()))
                    .execute();
            dsl.deleteFrom(DUPLICATE_GROUP_MEMBER).where(DUPLICATE_GROUP_MEMBER.TENANT_ID.eq(tenant.value())).execute();
            dsl.deleteFrom(DUPLICATE_GROUP).where(DUPLICATE_GROUP.TENANT_ID.eq(tenant.value())).execute();
            Batch batch = new Batch(tenant);
            groups.forEach(batch::add);
            batch.insert();
        }));
    }

    /**
     * The rows of the next groups of a replacement, inserted (inside its transaction) every {@link #GROUPS_A_BATCH}
     * groups, so a replacement holds a batch of groups, never the whole set.
     */
    private final class Batch {
        private final TenantId tenant;
        private final List<DuplicateGroupRecord> rows = new ArrayList<>();
        private final List<DuplicateGroupMemberRecord> memberRows = new ArrayList<>();
        private int position;

        Batch(TenantId tenant) {
            this.tenant = tenant;
        }

        void add(DuplicateGroup group) {
            rows.add(new DuplicateGroupRecord(tenant.value(), group.id(), position++, codec.write(group.rules()),
                    codec.write(group.links())));
            for (int m = 0; m < group.members().size(); m++) {
                RecordRef member = group.members().get(m);
                memberRows.add(new DuplicateGroupMemberRecord(tenant.value(), group.id(), m,
                        member.kind().name(), member.value()));
            }
            if (rows.size() == GROUPS_A_BATCH) {
                insert();
            }
        }

        void insert() {
            if (!rows.isEmpty()) {
                dsl.batchInsert(rows).execute();
                dsl.batchInsert(memberRows).execute();
                rows.clear();
                memberRows.clear();
            }
        }
    }

    /** The row replacements of the tenant lock; H2 emulates "on conflict" racily, so a concurrent insert is fine. */
    private void ensureSetRow(TenantId tenant) {
        try {
            Storage.run("prepare", "the duplicate groups", tenant, () -> dsl.insertInto(DUPLICATE_GROUP_SET)
                    .set(DUPLICATE_GROUP_SET.TENANT_ID, tenant.value())
                    .set(DUPLICATE_GROUP_SET.REPLACEMENTS, 0L)
                    .onConflictDoNothing()
                    .execute());
        } catch (DuplicateRecordException insertedMeanwhile) {
            // another replacement of the tenant inserted the row first: it is there to lock
        }
    }
}
