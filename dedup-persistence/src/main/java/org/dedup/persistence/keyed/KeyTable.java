package org.dedup.persistence.keyed;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A key table: the match keys of each record of a tenant, one row per (namespace, value, owner), read by candidate
 * lookup through its primary key. A record's keys are written by one statement however many it has.
 */
public record KeyTable<K extends Record>(Table<K> table, Field<String> tenant, Field<String> namespace,
                                         Field<String> value, Field<UUID> owner) {

    /** Matches a row holding any of {@code keys}; each disjunct is an equality on the key index. */
    public Condition anyOf(Collection<MatchKey> keys) {
        return DSL.or(keys.stream().map(k -> namespace.eq(k.namespace()).and(value.eq(k.value()))).toList());
    }

    public void insert(DSLContext dsl, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        if (!keys.isEmpty()) {
            rows(dsl, tenantId, ownerId, keys).execute();
        }
    }

    /**
     * Makes {@code keys} the owner's keys, deleting and inserting only the rows that change: an update or merge
     * keeps most of a record's keys (often all of them), and rewriting them would churn the key index for nothing.
     * The caller has written the owner's row first, so its row lock orders concurrent replaces of the same keys.
     */
    public void replace(DSLContext dsl, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        Set<MatchKey> stored = new HashSet<>(dsl.select(namespace, value).from(table).where(ofOwner(tenantId, ownerId))
                .fetch(r -> new MatchKey(r.value1(), r.value2())));
        Set<MatchKey> gone = new HashSet<>(stored);
        gone.removeAll(keys);
        Set<MatchKey> added = new HashSet<>(keys);
        added.removeAll(stored);
        if (!gone.isEmpty()) {
            dsl.deleteFrom(table).where(ofOwner(tenantId, ownerId), anyOf(gone)).execute();
        }
        insert(dsl, tenantId, ownerId, added);
    }

    public void deleteAll(DSLContext dsl, TenantId tenantId, UUID ownerId) {
        dsl.deleteFrom(table).where(ofOwner(tenantId, ownerId)).execute();
    }

    private Condition ofOwner(TenantId tenantId, UUID ownerId) {
        return tenant.eq(tenantId.value()).and(owner.eq(ownerId));
    }

    private InsertValuesStep4<K, String, String, String, UUID> rows(DSLContext dsl, TenantId tenantId, UUID ownerId,
                                                                    Set<MatchKey> keys) {
        var insert = dsl.insertInto(table, tenant, namespace, value, owner);
        for (MatchKey key : keys) {
            insert = insert.values(tenantId.value(), key.namespace(), key.value(), ownerId);
        }
        return insert;
    }
}
