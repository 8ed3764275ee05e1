package org.dedup.persistence.keyed;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.statement.RenderedStatements;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Records stored as JSON documents per tenant, with a key table beside them that candidate lookup reads by one
 * index range scan per key: what stand-alone contacts and companies share. Every statement filters on the tenant.
 */
public final class KeyedDocuments<R extends Record, K extends Record> {
    static final int PAGE = 1_000;
    private final DSLContext dsl;
    private final RenderedStatements statements;
    private final Columns<R, K> c;

    /** The record table (tenant, id, label, document) and its key table. */
    public record Columns<R extends Record, K extends Record>(
            Table<R> records, Field<String> tenant, Field<UUID> id, Field<String> label, Field<String> document,
            KeyTable<K> keys) {
    }

    public KeyedDocuments(DSLContext dsl, Columns<R, K> columns) {
        this.dsl = dsl;
        this.statements = new RenderedStatements(dsl);
        this.c = columns;
    }

    /** Inserts or replaces the document and its keys. */
    public void save(TenantId tenant, UUID id, String label, String document, Set<MatchKey> keys) {
        dsl.insertInto(c.records())
                .set(c.tenant(), tenant.value()).set(c.id(), id).set(c.label(), label).set(c.document(), document)
                .onConflict(c.tenant(), c.id()).doUpdate().set(c.label(), label).set(c.document(), document)
                .execute();
        c.keys().replace(statements, tenant, id, keys);
    }

    public void delete(TenantId tenant, UUID id) {
        c.keys().deleteAll(statements, tenant, id);
        dsl.deleteFrom(c.records()).where(c.tenant().eq(tenant.value()), c.id().eq(id)).execute();
    }

    public Optional<String> find(TenantId tenant, UUID id) {
        return dsl.select(c.document()).from(c.records()).where(c.tenant().eq(tenant.value()), c.id().eq(id))
                .fetchOptional(c.document());
    }

    /** The documents among {@code ids}, in the order asked, by one query. */
    public List<String> findAll(TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> byId = dsl.select(c.id(), c.document()).from(c.records())
                .where(c.tenant().eq(tenant.value()), c.id().in(ids)).fetchMap(c.id(), c.document());
        return ids.stream().distinct().filter(byId::containsKey).map(byId::get).toList();
    }

    /** Ids of the records indexed under any of {@code keys}, at most {@code limit}, by one indexed query. */
    public List<UUID> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        KeyTable<K> k = c.keys();
        return statements.fetch(List.of("find by keys", keys.size()), v -> dsl.selectDistinct(k.owner()).from(k.table())
                        .where(k.ofTenant(v, tenant), k.anyOf(v, keys))
                        .orderBy(k.owner()).limit(v.of(SQLDataType.INTEGER, limit)),
                row -> row.getObject(1, UUID.class));
    }

    /** Every document of the tenant, read in keyset pages of {@value #PAGE} ordered by id. */
    public void forEach(TenantId tenant, Consumer<String> action) {
        UUID after = null;
        while (true) {
            Condition page = after == null ? DSL.noCondition() : c.id().gt(after);
            var rows = dsl.select(c.id(), c.document()).from(c.records()).where(c.tenant().eq(tenant.value()), page)
                    .orderBy(c.id()).limit(PAGE).fetch();
            rows.forEach(row -> action.accept(row.value2()));
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.getLast().value1();
        }
    }
}
