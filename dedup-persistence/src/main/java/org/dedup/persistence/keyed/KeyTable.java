package org.dedup.persistence.keyed;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.Condition;
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
    public Condition anyOf(Binds v, Collection<MatchKey> keys) {
        return DSL.or(keys.stream().map(k -> namespace.eq(v.of(namespace, k.namespace()))
                .and(value.eq(v.of(value, k.value())))).toList());
    }

    /** Rows of this tenant's table. */
    public Condition ofTenant(Binds v, TenantId tenantId) {
        return tenant.eq(v.of(tenant, tenantId.value()));
    }

    public void insert(RenderedStatements statements, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        if (!keys.isEmpty()) {
            statements.execute(List.of("insert keys", table.getName(), keys.size()),
                    v -> rows(v, tenantId, ownerId, keys));
        }
    }

    /**
     * Makes {@code keys} the owner's keys, deleting and inserting only the rows that change: an update or merge
     * keeps most of a record's keys (often all of them), and rewriting them would churn the key index for nothing.
     * The caller has written the owner's row first, so its row lock orders concurrent replaces of the same keys.
     */
    public void replace(RenderedStatements statements, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        Set<MatchKey> stored = new HashSet<>(statements.fetch(List.of("keys of", table.getName()),
                v -> DSL.select(namespace, value).from(table).where(ofOwner(v, tenantId, ownerId)),
                row -> new MatchKey(row.getString(1), row.getString(2))));
        Set<MatchKey> gone = new HashSet<>(stored);
        gone.removeAll(keys);
        Set<MatchKey> added = new HashSet<>(keys);
        added.removeAll(stored);
        if (!gone.isEmpty()) {
            statements.execute(List.of("delete keys", table.getName(), gone.size()),
                    v -> DSL.deleteFrom(table).where(ofOwner(v, tenantId, ownerId), anyOf(v, gone)));
        }
        insert(statements, tenantId, ownerId, added);
    }

    public void deleteAll(RenderedStatements statements, TenantId tenantId, UUID ownerId) {
        statements.execute(List.of("delete all keys", table.getName()),
                v -> DSL.deleteFrom(table).where(ofOwner(v, tenantId, ownerId)));
    }

    private Condition ofOwner(Binds v, TenantId tenantId, UUID ownerId) {
        return ofTenant(v, tenantId).and(owner.eq(v.of(owner, ownerId)));
    }

    private InsertValuesStep4<K, String, String, String, UUID> rows(Binds v, TenantId tenantId, UUID ownerId,
                                                                    Set<MatchKey> keys) {
        var insert = DSL.insertInto(table, tenant, namespace, value, owner);
        for (MatchKey key : keys) {
            insert = insert.values(v.of(tenant, tenantId.value()), v.of(namespace, key.namespace()),
                    v.of(value, key.value()), v.of(owner, ownerId));
        }
        return insert;
    }
}
