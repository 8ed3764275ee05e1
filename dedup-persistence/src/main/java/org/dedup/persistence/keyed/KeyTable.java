package org.dedup.persistence.keyed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Query;
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

    /** The keys an owner loses and gains; most updates and merges change none. */
    public record Change(Set<MatchKey> gone, Set<MatchKey> added) {
        public static Change adding(Set<MatchKey> keys) {
            return new Change(Set.of(), keys);
        }

        public static Change between(Set<MatchKey> stored, Set<MatchKey> keys) {
            Set<MatchKey> gone = new HashSet<>(stored);
            gone.removeAll(keys);
            Set<MatchKey> added = new HashSet<>(keys);
            added.removeAll(stored);
            return new Change(gone, added);
        }

        /** What the statements of the change depend on: how many keys go and come. */
        public List<Integer> shape() {
            return List.of(gone.size(), added.size());
        }
    }

    /**
     * What makes {@code keys} the owner's keys, from the keys stored now: only the rows that change are then
     * deleted and inserted. An update or merge keeps most of a record's keys (often all of them), and rewriting them
     * would churn the key index for nothing. The caller has written the owner's row first, so its row lock orders
     * concurrent changes of the same keys.
     */
    public Change change(RenderedStatements statements, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        return Change.between(keysOf(statements, tenantId, List.of(ownerId)).get(ownerId), keys);
    }

    /** The keys stored now of each of {@code owners} (none for an owner without keys), by one query. */
    public Map<UUID, Set<MatchKey>> keysOf(RenderedStatements statements, TenantId tenantId,
                                          Collection<UUID> owners) {
        return byOwner(owners, statements.fetch(List.of("keys of", table.getName(), owners.size()),
                v -> keysQuery(v, tenantId, owners), KeyTable::ownedKey));
    }

    /** Rows read by {@link #ownedKey} as the keys of each of {@code owners} (none for an owner without keys). */
    public static Map<UUID, Set<MatchKey>> byOwner(Collection<UUID> owners, List<Map.Entry<UUID, MatchKey>> rows) {
        Map<UUID, Set<MatchKey>> keys = new HashMap<>();
        owners.forEach(ownerId -> keys.put(ownerId, new HashSet<>()));
        rows.forEach(key -> keys.get(key.getKey()).add(key.getValue()));
        return keys;
    }

    /** The query of the keys stored now of each of {@code owners}; its rows are read by {@link #ownedKey}. */
    public Query keysQuery(Binds v, TenantId tenantId, Collection<UUID> owners) {
        return DSL.select(owner, namespace, value).from(table).where(ofTenant(v, tenantId),
                owner.in(owners.stream().map(ownerId -> v.of(owner, ownerId)).toList()));
    }

    /** A row of {@link #keysQuery}: the owner and one of its keys. */
    public static Map.Entry<UUID, MatchKey> ownedKey(ResultSet row) throws SQLException {
        return Map.entry(row.getObject(1, UUID.class), new MatchKey(row.getString(2), row.getString(3)));
    }

    /** The statements (none, one or two) that make the change. */
    public List<Query> writes(Binds v, TenantId tenantId, UUID ownerId, Change change) {
        List<Query> writes = new ArrayList<>();
        if (!change.gone().isEmpty()) {
            writes.add(deletion(v, tenantId, ownerId, change.gone()));
        }
        if (!change.added().isEmpty()) {
            writes.add(rows(v, tenantId, ownerId, change.added()));
        }
        return writes;
    }

    /** The delete of {@code keys} of the owner, one statement. */
    public Query deletion(Binds v, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        return DSL.deleteFrom(table).where(ofOwner(v, tenantId, ownerId), anyOf(v, keys));
    }

    /** Makes {@code keys} the owner's keys, in one round trip once the stored ones are read. */
    public void replace(RenderedStatements statements, TenantId tenantId, UUID ownerId, Set<MatchKey> keys) {
        Change change = change(statements, tenantId, ownerId, keys);
        statements.executeTogether(List.of("replace keys", table.getName(), change.shape()),
                v -> writes(v, tenantId, ownerId, change));
    }

    public void deleteAll(RenderedStatements statements, TenantId tenantId, UUID ownerId) {
        statements.execute(List.of("delete all keys", table.getName()),
                v -> DSL.deleteFrom(table).where(ofOwner(v, tenantId, ownerId)));
    }

    private Condition ofOwner(Binds v, TenantId tenantId, UUID ownerId) {
        return ofTenant(v, tenantId).and(owner.eq(v.of(owner, ownerId)));
    }

    /** The insert of {@code keys} of the owner, one statement. */
    public InsertValuesStep4<K, String, String, String, UUID> rows(Binds v, TenantId tenantId, UUID ownerId,
                                                                    Set<MatchKey> keys) {
        var insert = DSL.insertInto(table, tenant, namespace, value, owner);
        for (MatchKey key : keys) {
            insert = insert.values(v.of(tenant, tenantId.value()), v.of(namespace, key.namespace()),
                    v.of(value, key.value()), v.of(owner, ownerId));
        }
        return insert;
    }
}
