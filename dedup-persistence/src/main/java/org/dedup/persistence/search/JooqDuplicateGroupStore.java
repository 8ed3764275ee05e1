package org.dedup.persistence.search;

import static org.dedup.persistence.jooq.Tables.DUPLICATE_GROUP;
import static org.dedup.persistence.jooq.Tables.DUPLICATE_GROUP_MEMBER;

import java.util.ArrayList;
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
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.DuplicateGroupMemberRecord;
import org.dedup.persistence.jooq.tables.records.DuplicateGroupRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.DSLContext;

/**
 * The groups of each tenant's latest bulk search: a row per group and a row per member, read back in two
 * queries whatever the number of groups. A replace deletes and inserts in the caller's transaction.
 */
public final class JooqDuplicateGroupStore implements DuplicateGroupStore {
    private static final TypeReference<List<String>> RULES = new TypeReference<>() {
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
            dsl.selectFrom(DUPLICATE_GROUP_MEMBER).where(DUPLICATE_GROUP_MEMBER.TENANT_ID.eq(tenant.value()))
                    .orderBy(DUPLICATE_GROUP_MEMBER.GROUP_ID, DUPLICATE_GROUP_MEMBER.POSITION)
                    .forEach(m -> members.computeIfAbsent(m.getGroupId(), id -> new ArrayList<>())
                            .add(RecordRef.of(RecordKind.valueOf(m.getRecordKind()), m.getRecordId())));
            return dsl.selectFrom(DUPLICATE_GROUP).where(DUPLICATE_GROUP.TENANT_ID.eq(tenant.value()))
                    .orderBy(DUPLICATE_GROUP.POSITION)
                    .fetch(g -> new DuplicateGroup(g.getId(), members.get(g.getId()), codec.read(g.getRules(), RULES)));
        });
    }

    @Override
    public void replace(TenantId tenant, List<DuplicateGroup> groups) {
        Storage.run("replace", groups.size() + " duplicate groups", tenant, () -> {
            dsl.deleteFrom(DUPLICATE_GROUP_MEMBER).where(DUPLICATE_GROUP_MEMBER.TENANT_ID.eq(tenant.value())).execute();
            dsl.deleteFrom(DUPLICATE_GROUP).where(DUPLICATE_GROUP.TENANT_ID.eq(tenant.value())).execute();
            List<DuplicateGroupRecord> rows = new ArrayList<>();
            List<DuplicateGroupMemberRecord> memberRows = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                DuplicateGroup group = groups.get(g);
                rows.add(new DuplicateGroupRecord(tenant.value(), group.id(), g, codec.write(group.rules())));
                for (int m = 0; m < group.members().size(); m++) {
                    RecordRef member = group.members().get(m);
                    memberRows.add(new DuplicateGroupMemberRecord(tenant.value(), group.id(), m,
                            member.kind().name(), member.value()));
                }
            }
            dsl.batchInsert(rows).execute();
            dsl.batchInsert(memberRows).execute();
        });
    }
}
