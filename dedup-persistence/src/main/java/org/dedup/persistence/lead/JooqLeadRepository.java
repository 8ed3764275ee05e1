package org.dedup.persistence.lead;

import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.LEAD;
import static org.dedup.persistence.jooq.Tables.LEAD_CONTACT;
import static org.dedup.persistence.jooq.Tables.LEAD_KEY;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SharedKey;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.LeadKeyRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.keyed.KeyTable.Change;
import org.dedup.persistence.keyed.KeyTable;
import org.dedup.persistence.statement.ArrayRows;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.dedup.persistence.statement.RenderedStatements;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Leads in {@code lead} (a JSON document of the lead's own values beside the columns queries filter on), their
 * contacts with role and position in {@code lead_contact}, their match keys in {@code lead_key}. Every statement
 * filters on the tenant; N leads with their contacts are read by two statements.
 */
public final class JooqLeadRepository implements LeadRepository {
    private static final int PAGE = 1_000;
    /** Made once: jOOQ makes a new data type at each {@code array()} call. */
    private static final DataType<String[]> TEXTS = SQLDataType.VARCHAR.array();
    private static final DataType<Integer[]> NUMBERS = SQLDataType.INTEGER.array();
    /** The version a lead's row is updated from, beside its columns in {@link #rowUpdates}. */
    private static final Field<Long> STARTED_FROM = DSL.field(DSL.name("started_from"), SQLDataType.BIGINT);
    private static final KeyTable<LeadKeyRecord> KEYS = new KeyTable<>(LEAD_KEY, LEAD_KEY.TENANT_ID, LEAD_KEY.NAMESPACE,
            LEAD_KEY.KEY_VALUE, LEAD_KEY.LEAD_ID);
    private final DSLContext dsl;
    private final DocumentCodec codec;
    private final RenderedStatements statements;
    private final LeadContacts contacts;

    public JooqLeadRepository(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
        this.statements = new RenderedStatements(dsl);
        this.contacts = new LeadContacts(dsl, codec, statements);
    }

    /**
     * The lead, its contacts and its keys, in one round trip on PostgreSQL; inside a transaction, with its next
     * statement or its commit (a lead's id is new: only a broken database fails the insert, and the transaction).
     */
    @Override
    public void insert(Lead lead, Set<MatchKey> keys) {
        Storage.run("insert", lead.id(), lead.tenant(), () -> statements.executeTogetherLater(
                List.of("insert lead", lead.contacts().size(), keys.size()), v -> Stream.of(
                        List.of(insertion(v, lead)), contacts.insertion(v, lead),
                        KEYS.writes(v, lead.tenant(), lead.id().value(), Change.adding(keys)))
                        .flatMap(List::stream).toList()));
    }

    private Query insertion(Binds v, Lead lead) {
        return dsl.insertInto(LEAD)
                .set(LEAD.TENANT_ID, v.of(LEAD.TENANT_ID, lead.tenant().value()))
                .set(LEAD.ID, v.of(LEAD.ID, lead.id().value()))
                .set(LEAD.VERSION, v.of(LEAD.VERSION, lead.version()))
                .set(LEAD.PIPELINE, v.of(LEAD.PIPELINE, lead.stage().pipeline()))
                .set(LEAD.STAGE, v.of(LEAD.STAGE, lead.stage().stage()))
                .set(LEAD.CREATED_AT, v.of(LEAD.CREATED_AT, time(lead.createdAt())))
                .set(LEAD.UPDATED_AT, v.of(LEAD.UPDATED_AT, time(lead.updatedAt())))
                .set(LEAD.DOCUMENT, v.of(LEAD.DOCUMENT, document(lead)));
    }

    /**
     * The lead's row first (its version checked, its row locked) and its stored keys read, in one round trip on
     * PostgreSQL, then its contacts and the keys that change written: inside a transaction, with its next statement
     * or its commit (the row lock orders them after any other change of the lead).
     */
    @Override
    public void update(Lead lead, Set<MatchKey> keys) {
        Storage.run("update", lead.id(), lead.tenant(), () -> {
            var updated = statements.executeThenFetch("update lead, read its keys", v -> List.of(rowUpdate(v, lead),
                    KEYS.keysQuery(v, lead.tenant(), List.of(lead.id().value()))), KeyTable::ownedKey);
            if (updated.count() == 0) {
                throw stale(lead);
            }
            Change keyChange = Change.between(updated.rows().stream().map(Map.Entry::getValue)
                    .collect(Collectors.toSet()), keys);
            statements.executeTogetherLater(List.of("rewrite lead", lead.contacts().size(), keyChange.shape()),
                    v -> Stream.of(contactsRewrite(v, lead),
                            KEYS.writes(v, lead.tenant(), lead.id().value(), keyChange))
                            .flatMap(List::stream).toList());
        });
    }

    /** The statements that make the lead's stored contacts those it has now: written over in place on PostgreSQL. */
    private List<Query> contactsRewrite(Binds v, Lead lead) {
        if (statements.onPostgreSQL()) {
            return contacts.rewriteAsArrays(v, lead.tenant(), List.of(lead));
        }
        return Stream.concat(Stream.of(contacts.deletion(v, lead.tenant(), lead.id())),
                contacts.insertion(v, lead).stream()).toList();
    }

    /** The update of the lead's row from the version before it, which refuses (changes no row) any other. */
    private Query rowUpdate(Binds v, Lead lead) {
        return dsl.update(LEAD)
                .set(LEAD.VERSION, v.of(LEAD.VERSION, lead.version()))
                .set(LEAD.PIPELINE, v.of(LEAD.PIPELINE, lead.stage().pipeline()))
                .set(LEAD.STAGE, v.of(LEAD.STAGE, lead.stage().stage()))
                .set(LEAD.UPDATED_AT, v.of(LEAD.UPDATED_AT, time(lead.updatedAt())))
                .set(LEAD.DOCUMENT, v.of(LEAD.DOCUMENT, document(lead)))
                .where(LEAD.TENANT_ID.eq(v.of(LEAD.TENANT_ID, lead.tenant().value())),
                        LEAD.ID.eq(v.of(LEAD.ID, lead.id().value())),
                        LEAD.VERSION.eq(v.of(LEAD.VERSION, lead.version() - 1)));
    }

    private static StaleRecordException stale(Lead lead) {
        return new StaleRecordException(lead.tenant(), lead.id(), lead.version() - 1);
    }

    /**
     * PostgreSQL: as {@link #insertAsArrays}, no round trip of its own. Elsewhere the rows of all the leads, then all
     * their contacts, then all their keys, as three JDBC batches.
     */
    @Override
    public void insertAll(List<IndexedLead> leads) {
        if (leads.size() < 2) {
            LeadRepository.super.insertAll(leads);
            return;
        }
        TenantId tenant = oneTenant(leads);
        Storage.run("insert", leads.size() + " leads", tenant, () -> {
            if (statements.onPostgreSQL()) {
                insertAsArrays(tenant, leads);
                return;
            }
            statements.executeBatch("insert lead", leads, (v, indexed) -> insertion(v, indexed.lead()));
            writeContacts(leads.stream().map(IndexedLead::lead).toList());
            writeKeys("insert key", keyRows(leads), KEYS::rows);
        });
    }

    /**
     * PostgreSQL: as {@link #updateAsArrays}, one round trip. Elsewhere the versioned row updates in their order (one
     * JDBC batch), then the stored keys of the leads read, then each lead's contacts and changed keys as its last
     * update has them (JDBC batches).
     */
    @Override
    public void updateAll(List<IndexedLead> leads) {
        if (leads.size() < 2) {
            LeadRepository.super.updateAll(leads);
            return;
        }
        TenantId tenant = oneTenant(leads);
        Storage.run("update", leads.size() + " leads", tenant, () -> {
            if (statements.onPostgreSQL()) {
                updateAsArrays(tenant, leads);
                return;
            }
            int[] updated = statements.executeBatch("update lead", leads, (v, indexed) -> rowUpdate(v,
                    indexed.lead()));
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    throw stale(leads.get(i).lead());
                }
            }
            Map<UUID, IndexedLead> last = lastUpdates(leads);
            KeyChanges changes = KeyChanges.of(last.values(), KEYS.keysOf(statements, tenant, last.keySet()));
            statements.executeBatch("delete contacts", List.copyOf(last.values()),
                    (v, indexed) -> contacts.deletion(v, tenant, indexed.lead().id()));
            writeContacts(last.values().stream().map(IndexedLead::lead).toList());
            writeKeys("delete key", changes.gone(), KEYS::deletion);
            writeKeys("insert key", changes.added(), KEYS::rows);
        });
    }

    /**
     * PostgreSQL: the leads, their contacts and their keys written by a statement each whose text is the same however
     * many leads, sent with the transaction's next statement or its commit (their ids are new: only a broken database
     * fails them, and then the transaction).
     */
    private void insertAsArrays(TenantId tenant, List<IndexedLead> leads) {
        List<Lead> written = leads.stream().map(IndexedLead::lead).toList();
        List<KeyRow> keys = keyRows(leads);
        boolean anyContact = written.stream().anyMatch(lead -> !lead.contacts().isEmpty());
        statements.executeTogetherLater(List.of("insert leads as arrays", anyContact, !keys.isEmpty()), v -> {
            List<Query> queries = new ArrayList<>(List.of(leadRows(v, tenant, written)));
            if (anyContact) {
                queries.add(contacts.insertionAsArrays(v, tenant, written));
            }
            if (!keys.isEmpty()) {
                queries.add(keyInsertion(v, tenant, keys));
            }
            return queries;
        });
    }

    /**
     * PostgreSQL: the leads' rows updated from the versions their first updates in the batch started from to their
     * last ones, and their stored keys read, in one round trip; then their contacts rewritten and their keys made
     * those of their last updates (only the keys they lose deleted and those they gain inserted), sent with the
     * transaction's next statement or its commit. Every statement's text is the same however many leads.
     *
     * @throws StaleRecordException when a lead's stored version is not the one its first update started from
     */
    private void updateAsArrays(TenantId tenant, List<IndexedLead> leads) {
        Map<UUID, Long> startedFrom = new LinkedHashMap<>();
        leads.forEach(indexed -> startedFrom.putIfAbsent(indexed.lead().id().value(), indexed.lead().version() - 1));
        Map<UUID, IndexedLead> last = lastUpdates(leads);
        List<Lead> written = last.values().stream().map(IndexedLead::lead).toList();
        var read = statements.fetchTogether("update leads as arrays, read their keys", v -> List.of(
                        rowUpdates(v, tenant, written, startedFrom), storedKeys(v, tenant, last.keySet())),
                row -> row.getObject(1, UUID.class), KeyTable::ownedKey);
        Set<UUID> changed = Set.copyOf(read.first());
        startedFrom.forEach((id, version) -> {
            if (!changed.contains(id)) {
                throw new StaleRecordException(tenant, new LeadId(id), version);
            }
        });
        KeyChanges changes = KeyChanges.of(last.values(), KeyTable.byOwner(last.keySet(), read.second()));
        boolean anyContact = written.stream().anyMatch(lead -> !lead.contacts().isEmpty());
        statements.executeTogetherLater(List.of("rewrite leads as arrays", anyContact, !changes.gone().isEmpty(),
                !changes.added().isEmpty()), v -> {
            List<Query> queries = new ArrayList<>(contacts.rewriteAsArrays(v, tenant, written));
            if (!changes.gone().isEmpty()) {
                queries.add(keyDeletion(v, tenant, changes.gone()));
            }
            if (!changes.added().isEmpty()) {
                queries.add(keyInsertion(v, tenant, changes.added()));
            }
            return queries;
        });
    }

    private Query leadRows(Binds v, TenantId tenant, List<Lead> leads) {
        ArrayRows rows = new ArrayRows("l", List.of(LEAD.ID, LEAD.VERSION, LEAD.PIPELINE, LEAD.STAGE,
                LEAD.CREATED_AT, LEAD.UPDATED_AT, LEAD.DOCUMENT));
        leads.forEach(lead -> rows.add(lead.id().value(), lead.version(), lead.stage().pipeline(),
                lead.stage().stage(), time(lead.createdAt()), time(lead.updatedAt()), document(lead)));
        var tenantId = v.of(LEAD.TENANT_ID, tenant.value());
        return dsl.insertInto(LEAD, LEAD.TENANT_ID, LEAD.ID, LEAD.VERSION, LEAD.PIPELINE, LEAD.STAGE, LEAD.CREATED_AT,
                        LEAD.UPDATED_AT, LEAD.DOCUMENT)
                .select(DSL.select(tenantId, rows.field(LEAD.ID), rows.field(LEAD.VERSION), rows.field(LEAD.PIPELINE),
                        rows.field(LEAD.STAGE), rows.field(LEAD.CREATED_AT), rows.field(LEAD.UPDATED_AT),
                        rows.field(LEAD.DOCUMENT)).from(rows.table(v)));
    }

    /** The update of each lead's row from its version in {@code startedFrom}, which returns the ids it updated. */
    private Query rowUpdates(Binds v, TenantId tenant, List<Lead> leads, Map<UUID, Long> startedFrom) {
        ArrayRows rows = new ArrayRows("u", List.of(LEAD.ID, STARTED_FROM, LEAD.VERSION, LEAD.PIPELINE, LEAD.STAGE,
                LEAD.UPDATED_AT, LEAD.DOCUMENT));
        leads.forEach(lead -> rows.add(lead.id().value(), startedFrom.get(lead.id().value()), lead.version(),
                lead.stage().pipeline(), lead.stage().stage(), time(lead.updatedAt()), document(lead)));
        Table<?> updates = rows.table(v);
        return dsl.update(LEAD)
                .set(LEAD.VERSION, rows.field(LEAD.VERSION))
                .set(LEAD.PIPELINE, rows.field(LEAD.PIPELINE))
                .set(LEAD.STAGE, rows.field(LEAD.STAGE))
                .set(LEAD.UPDATED_AT, rows.field(LEAD.UPDATED_AT))
                .set(LEAD.DOCUMENT, rows.field(LEAD.DOCUMENT))
                .from(updates)
                .where(LEAD.TENANT_ID.eq(v.of(LEAD.TENANT_ID, tenant.value())), LEAD.ID.eq(rows.field(LEAD.ID)),
                        LEAD.VERSION.eq(rows.field(STARTED_FROM)))
                .returning(LEAD.ID);
    }

    private static ArrayRows keyArrays(List<KeyRow> keys) {
        ArrayRows rows = new ArrayRows("k", List.of(LEAD_KEY.LEAD_ID, LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE));
        keys.forEach(row -> rows.add(row.lead().id().value(), row.key().namespace(), row.key().value()));
        return rows;
    }

    private Query keyInsertion(Binds v, TenantId tenant, List<KeyRow> keys) {
        ArrayRows rows = keyArrays(keys);
        var tenantId = v.of(LEAD_KEY.TENANT_ID, tenant.value());
        return dsl.insertInto(LEAD_KEY, LEAD_KEY.TENANT_ID, LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE, LEAD_KEY.LEAD_ID)
                .select(DSL.select(tenantId, rows.field(LEAD_KEY.NAMESPACE), rows.field(LEAD_KEY.KEY_VALUE),
                        rows.field(LEAD_KEY.LEAD_ID)).from(rows.table(v)));
    }

    private Query keyDeletion(Binds v, TenantId tenant, List<KeyRow> keys) {
        ArrayRows rows = keyArrays(keys);
        Table<?> deleted = rows.table(v);
        return dsl.deleteFrom(LEAD_KEY).using(deleted).where(LEAD_KEY.TENANT_ID.eq(v.of(LEAD_KEY.TENANT_ID,
                        tenant.value())), LEAD_KEY.LEAD_ID.eq(rows.field(LEAD_KEY.LEAD_ID)),
                LEAD_KEY.NAMESPACE.eq(rows.field(LEAD_KEY.NAMESPACE)),
                LEAD_KEY.KEY_VALUE.eq(rows.field(LEAD_KEY.KEY_VALUE)));
    }

    /** The query of the keys stored now of {@code leads}, by a statement of one text however many. */
    private Query storedKeys(Binds v, TenantId tenant, Collection<UUID> leads) {
        var tenantId = v.of(LEAD_KEY.TENANT_ID, tenant.value());
        return dsl.select(LEAD_KEY.LEAD_ID, LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE).from(LEAD_KEY)
                .where(LEAD_KEY.TENANT_ID.eq(tenantId), LEAD_KEY.LEAD_ID.eq(DSL.any(ArrayRows.ids(v, leads))));
    }

    private static List<KeyRow> keyRows(List<IndexedLead> leads) {
        List<KeyRow> keys = new ArrayList<>();
        leads.forEach(indexed -> indexed.keys().forEach(key -> keys.add(new KeyRow(indexed.lead(), key))));
        return keys;
    }

    private static TenantId oneTenant(List<IndexedLead> leads) {
        TenantId tenant = leads.getFirst().lead().tenant();
        if (leads.stream().anyMatch(indexed -> !indexed.lead().tenant().equals(tenant))) {
            throw new IllegalArgumentException("leads written together are of one tenant, here " + tenant);
        }
        return tenant;
    }

    private void writeContacts(List<Lead> leads) {
        List<ContactRow> rows = new ArrayList<>();
        leads.forEach(lead -> IntStream.range(0, lead.contacts().size()).forEach(i -> rows.add(new ContactRow(lead,
                i))));
        statements.executeBatch("insert contact", rows, (v, row) -> contacts.insertion(v, row.lead(),
                row.position()));
    }

    /** The statement {@code write} makes of each key row, as one JDBC batch. */
    private void writeKeys(String shape, List<KeyRow> rows, KeyWrite write) {
        statements.executeBatch(shape, rows, (v, row) -> write.of(v, row.lead().tenant(), row.lead().id().value(),
                Set.of(row.key())));
    }

    /** A statement of a key table over some keys of one owner: {@link KeyTable#rows} or {@link KeyTable#deletion}. */
    @FunctionalInterface
    private interface KeyWrite {
        Query of(Binds v, TenantId tenant, UUID owner, Set<MatchKey> keys);
    }

    /** One key of a lead, a row of {@code lead_key}. */
    private record KeyRow(Lead lead, MatchKey key) {
    }

    /** Each lead's last update among {@code leads}, by id, in the order the leads first appear. */
    private static Map<UUID, IndexedLead> lastUpdates(List<IndexedLead> leads) {
        Map<UUID, IndexedLead> last = new LinkedHashMap<>();
        leads.forEach(indexed -> last.put(indexed.lead().id().value(), indexed));
        return last;
    }

    /** The key rows to delete and to insert to take leads from their stored keys to those of their updates. */
    private record KeyChanges(List<KeyRow> gone, List<KeyRow> added) {
        static KeyChanges of(Collection<IndexedLead> updates, Map<UUID, Set<MatchKey>> stored) {
            List<KeyRow> gone = new ArrayList<>();
            List<KeyRow> added = new ArrayList<>();
            updates.forEach(indexed -> {
                Change change = Change.between(stored.get(indexed.lead().id().value()), indexed.keys());
                change.gone().forEach(key -> gone.add(new KeyRow(indexed.lead(), key)));
                change.added().forEach(key -> added.add(new KeyRow(indexed.lead(), key)));
            });
            return new KeyChanges(gone, added);
        }
    }

    /** The contact at {@code position} of a lead, a row of {@code lead_contact}. */
    private record ContactRow(Lead lead, int position) {
    }

    @Override
    public void delete(TenantId tenant, LeadId id, long expectedVersion) {
        Storage.run("delete", id, tenant, () -> {
            contacts.delete(tenant, id);
            int deleted = dsl.deleteFrom(LEAD)
                    .where(LEAD.TENANT_ID.eq(tenant.value()), LEAD.ID.eq(id.value()), LEAD.VERSION.eq(expectedVersion))
                    .execute();
            if (deleted == 0) {
                throw new StaleRecordException(tenant, id, expectedVersion);
            }
            KEYS.deleteAll(statements, tenant, id.value());
        });
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return findAll(tenant, List.of(id)).stream().findFirst();
    }

    @Override
    public List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> distinct = ids.stream().map(LeadId::value).distinct().toList();
        Map<UUID, Lead> byId = Storage.attempt("read", ids.size() == 1 ? ids.iterator().next() : ids.size() + " leads",
                tenant, () -> {
                    // the leads and their contacts in one round trip on PostgreSQL: both are looked up by the ids
                    var read = statements.fetchTogether(List.of("read leads", distinct.size()), v -> List.of(dsl
                                    .select(LEAD.ID, LEAD.DOCUMENT).from(LEAD)
                                    .where(LEAD.TENANT_ID.eq(v.of(LEAD.TENANT_ID, tenant.value())),
                                            LEAD.ID.in(distinct.stream().map(id -> v.of(LEAD.ID, id)).toList())),
                            contacts.query(v, tenant, distinct)), LeadRow::of, contacts::link);
                    return leads(read.first(), LeadContacts.byLead(read.second()));
                })
                .stream().collect(Collectors.toMap(lead -> lead.id().value(), lead -> lead));
        return ids.stream().distinct().map(id -> byId.get(id.value())).filter(Objects::nonNull).toList();
    }

    @Override
    public List<List<LeadId>> findByKeySets(TenantId tenant, List<? extends Collection<MatchKey>> keySets,
                                            SearchScope scope, int limit) {
        List<List<LeadId>> found = keySets.stream().map(keys -> (List<LeadId>) new ArrayList<LeadId>()).toList();
        if (keySets.stream().anyMatch(keys -> !keys.isEmpty())) {
            ScopeFilter filter = new ScopeFilter(scope);
            Storage.run("look up leads by", keySets, tenant, () -> (statements.onPostgreSQL()
                    ? lookUpKeyByKey(tenant, keySets, filter, limit) : lookUpSetBySet(tenant, keySets, filter, limit))
                    .forEach(hit -> found.get(hit.getKey()).add(hit.getValue())));
        }
        // each set's ids in id order, whatever order the rows come in; a lead found by two keys of a set once
        return found.stream().map(ids -> ids.stream().distinct().sorted(LeadId.STORE_ORDER).limit(limit).toList())
                .toList();
    }

    /** One select per key set, their union: a statement whose text depends on how many keys each set has. */
    private List<Map.Entry<Integer, LeadId>> lookUpSetBySet(TenantId tenant,
                                                            List<? extends Collection<MatchKey>> keySets,
                                                            ScopeFilter filter, int limit) {
        return statements.fetch(List.of("look up", keySets.stream().map(Collection::size).toList(), filter.shape()),
                v -> IntStream.range(0, keySets.size()).filter(i -> !keySets.get(i).isEmpty())
                        .mapToObj(i -> candidateLookup(v, tenant, keySets.get(i), filter, limit, i))
                        .reduce(Select::unionAll).orElseThrow(), JooqLeadRepository::hit);
    }

    /**
     * PostgreSQL: every key of every set looked up by one statement whose text depends on the scope only, the keys
     * bound as arrays, each key's first {@code limit} leads in id order. So the statement is prepared and planned once,
     * however many arrivals a batch holds and however many keys each probes: a union of one select per key set was a
     * new statement for nearly every batch, planned at every run (a batch of 30 key sets: 13-19 ms of planning
     * against 3 ms for this one, BENCHMARKS.md). The first {@code limit} leads of a set are among the first
     * {@code limit} of its keys, so the caller's cut of the merged ids is the set's.
     */
    private List<Map.Entry<Integer, LeadId>> lookUpKeyByKey(TenantId tenant,
                                                            List<? extends Collection<MatchKey>> keySets,
                                                            ScopeFilter filter, int limit) {
        return statements.fetch(List.of("look up key by key", filter.shape()),
                v -> keyByKeyLookup(v, tenant, keySets, filter, limit), JooqLeadRepository::hit);
    }

    /** A row of either lookup: the number of the key set, and a lead it found. */
    private static Map.Entry<Integer, LeadId> hit(ResultSet row) throws SQLException {
        return Map.entry(row.getInt(2), new LeadId(row.getObject(1, UUID.class)));
    }

    /** The PostgreSQL candidate lookup as run, with its values bound, so its plan can be shown (EXPLAIN). */
    public Select<Record2<UUID, Integer>> candidateLookup(TenantId tenant, List<? extends Collection<MatchKey>> keySets,
                                                          SearchScope scope, int limit) {
        return keyByKeyLookup(new Binds(), tenant, keySets, new ScopeFilter(scope), limit);
    }

    /** The leads of each key, a row per lead: its id and the number of the key's set. */
    private Select<Record2<UUID, Integer>> keyByKeyLookup(Binds v, TenantId tenant,
                                                          List<? extends Collection<MatchKey>> keySets,
                                                          ScopeFilter filter, int limit) {
        List<String> namespaces = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Integer> sets = new ArrayList<>();
        for (int set = 0; set < keySets.size(); set++) {
            for (MatchKey key : keySets.get(set)) {
                namespaces.add(key.namespace());
                values.add(key.value());
                sets.add(set);
            }
        }
        Table<?> probes = DSL.table("unnest({0}, {1}, {2})",
                v.of(TEXTS, namespaces.toArray(String[]::new)), v.of(TEXTS, values.toArray(String[]::new)),
                v.of(NUMBERS, sets.toArray(Integer[]::new)))
                .as("probe", "namespace", "key_value", "key_set");
        Field<String> namespace = DSL.field(DSL.name("probe", "namespace"), String.class);
        Field<String> value = DSL.field(DSL.name("probe", "key_value"), String.class);
        var keyed = dsl.select(LEAD_KEY.LEAD_ID).from(LEAD_KEY);
        var scoped = filter.stagesByPipeline().isEmpty() ? keyed : keyed.join(LEAD)
                .on(LEAD.TENANT_ID.eq(LEAD_KEY.TENANT_ID), LEAD.ID.eq(LEAD_KEY.LEAD_ID));
        // named before it is made lateral: unnamed, jOOQ would render the subquery to derive a name from its hash, on
        // every arrival (4 % of the server's CPU under load, async-profiler), though the statement's SQL is cached
        Table<?> hits = DSL.lateral(scoped.where(KEYS.ofTenant(v, tenant), LEAD_KEY.NAMESPACE.eq(namespace),
                LEAD_KEY.KEY_VALUE.eq(value), filter.condition(v)).orderBy(LEAD_KEY.LEAD_ID)
                .limit(v.of(SQLDataType.INTEGER, limit)).asTable("hit"));
        return dsl.select(hits.field(LEAD_KEY.LEAD_ID), DSL.field(DSL.name("probe", "key_set"), Integer.class))
                .from(probes.crossJoin(hits));
    }

    /**
     * The candidate lookup of key set {@code set} elsewhere than on PostgreSQL: the key index gives the lead ids, the
     * lead's primary key its pipeline and stage for the scope filter.
     */
    private Select<Record2<UUID, Integer>> candidateLookup(Binds v, TenantId tenant, Collection<MatchKey> keys,
                                                           ScopeFilter scope, int limit, int set) {
        return dsl.selectDistinct(LEAD_KEY.LEAD_ID, DSL.inline(set)).from(LEAD_KEY)
                .join(LEAD).on(LEAD.TENANT_ID.eq(LEAD_KEY.TENANT_ID), LEAD.ID.eq(LEAD_KEY.LEAD_ID))
                .where(KEYS.ofTenant(v, tenant), KEYS.anyOf(v, keys), scope.condition(v))
                .orderBy(LEAD_KEY.LEAD_ID)
                .limit(v.of(SQLDataType.INTEGER, limit));
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Lead> action) {
        Storage.run("read", "every lead", tenant, () -> forEachPage(tenant, action));
    }

    private void forEachPage(TenantId tenant, Consumer<Lead> action) {
        UUID after = null;
        while (true) {
            Condition page = after == null ? DSL.noCondition() : LEAD.ID.gt(after);
            List<LeadRow> rows = dsl.select(LEAD.ID, LEAD.DOCUMENT).from(LEAD)
                    .where(LEAD.TENANT_ID.eq(tenant.value()), page)
                    .orderBy(LEAD.ID).limit(PAGE).fetch(r -> new LeadRow(r.value1(), r.value2()));
            leads(tenant, rows).forEach(action);
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.getLast().id();
        }
    }

    @Override
    public List<Lead> firstPage(TenantId tenant, int limit) {
        return Storage.attempt("read", "a page of leads", tenant, () -> page(tenant, DSL.noCondition(), limit));
    }

    @Override
    public List<Lead> pageAfter(TenantId tenant, LeadId after, int limit) {
        return Storage.attempt("read", "the page of leads after " + after, tenant,
                () -> page(tenant, LEAD.ID.gt(after.value()), limit));
    }

    private List<Lead> page(TenantId tenant, Condition page, int limit) {
        List<LeadRow> rows = dsl.select(LEAD.ID, LEAD.DOCUMENT).from(LEAD)
                .where(LEAD.TENANT_ID.eq(tenant.value()), page)
                .orderBy(LEAD.ID).limit(limit).fetch(r -> new LeadRow(r.value1(), r.value2()));
        return leads(tenant, rows);
    }

    /**
     * The leads' rows locked and their versions read by one statement, then the keys of those still at the version
     * given inserted by multi-row statements that skip the rows already there.
     */
    @Override
    public void addKeys(TenantId tenant, List<IndexedLead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        if (leads.stream().anyMatch(indexed -> !indexed.lead().tenant().equals(tenant))) {
            throw new IllegalArgumentException("keys added together are of one tenant, here " + tenant);
        }
        Storage.run("index", leads.size() + " leads", tenant, () -> {
            Map<UUID, Long> versions = dsl.select(LEAD.ID, LEAD.VERSION).from(LEAD)
                    .where(LEAD.TENANT_ID.eq(tenant.value()),
                            LEAD.ID.in(leads.stream().map(indexed -> indexed.lead().id().value()).toList()))
                    .orderBy(LEAD.ID).forUpdate()
                    .fetchMap(LEAD.ID, LEAD.VERSION);
            List<KeyRow> rows = new ArrayList<>();
            leads.stream().filter(indexed -> Objects.equals(versions.get(indexed.lead().id().value()),
                            indexed.lead().version()))
                    .forEach(indexed -> indexed.keys().forEach(key -> rows.add(new KeyRow(indexed.lead(), key))));
            for (int from = 0; from < rows.size(); from += PAGE) {
                var insert = dsl.insertInto(LEAD_KEY, LEAD_KEY.TENANT_ID, LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE,
                        LEAD_KEY.LEAD_ID);
                for (KeyRow row : rows.subList(from, Math.min(rows.size(), from + PAGE))) {
                    insert = insert.values(tenant.value(), row.key().namespace(), row.key().value(),
                            row.lead().id().value());
                }
                insert.onConflictDoNothing().execute();
            }
        });
    }

    /** One statement on {@code lead_contact}'s contact index. */
    @Override
    public List<LeadId> linking(TenantId tenant, Collection<ContactId> contacts, int limit) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return Storage.attempt("look up the leads linking", contacts.size() + " contacts", tenant, () -> dsl
                .selectDistinct(LEAD_CONTACT.LEAD_ID).from(LEAD_CONTACT)
                .where(LEAD_CONTACT.TENANT_ID.eq(tenant.value()),
                        LEAD_CONTACT.CONTACT_ID.in(contacts.stream().map(ContactId::value).toList()))
                .orderBy(LEAD_CONTACT.LEAD_ID).limit(limit)
                .fetch(row -> new LeadId(row.value1())));
    }

    @Override
    public long count(TenantId tenant) {
        return Storage.attempt("count", "leads", tenant, () -> dsl.fetchCount(LEAD, LEAD.TENANT_ID.eq(tenant.value())));
    }

    @Override
    public List<SharedKey> mostSharedKeys(TenantId tenant, int moreThan, int limit) {
        Field<Integer> leads = DSL.count();
        return Storage.attempt("list", "the most shared keys", tenant, () -> dsl
                .select(LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE, leads).from(LEAD_KEY)
                .where(LEAD_KEY.TENANT_ID.eq(tenant.value()))
                .groupBy(LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE).having(leads.gt(moreThan))
                .orderBy(leads.desc(), LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE).limit(limit)
                .fetch(r -> new SharedKey(new MatchKey(r.value1(), r.value2()), r.value3())));
    }

    /**
     * The pipelines and stages of a search scope as a condition on the lead, in a fixed order (pipelines and stages
     * sorted), so that every scope of the same shape renders the same statement.
     */
    private record ScopeFilter(List<Map.Entry<String, List<String>>> stagesByPipeline) {
        ScopeFilter(SearchScope scope) {
            this(scope.stagesByPipeline().entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue().stream().sorted().toList()))
                    .sorted(Map.Entry.comparingByKey()).toList());
        }

        /** How many stages each pipeline names: what the rendered statement depends on. */
        List<Integer> shape() {
            return stagesByPipeline.stream().map(e -> e.getValue().size()).toList();
        }

        Condition condition(Binds v) {
            if (stagesByPipeline.isEmpty()) {
                return DSL.noCondition();
            }
            return DSL.or(stagesByPipeline.stream()
                    .map(e -> e.getValue().isEmpty() ? LEAD.PIPELINE.eq(v.of(LEAD.PIPELINE, e.getKey()))
                            : LEAD.PIPELINE.eq(v.of(LEAD.PIPELINE, e.getKey())).and(LEAD.STAGE.in(
                            e.getValue().stream().map(stage -> v.of(LEAD.STAGE, stage)).toList())))
                    .toList());
        }
    }

    /** The lead's own values; its contacts are rows of {@code lead_contact}. */
    private String document(Lead lead) {
        return codec.write(lead.withContacts(List.of()));
    }

    /** Leads from their rows, with their contacts read by one more statement. */
    private List<Lead> leads(TenantId tenant, List<LeadRow> rows) {
        return rows.isEmpty() ? List.of() : leads(rows, contacts.of(tenant, rows.stream().map(LeadRow::id).toList()));
    }

    /**
     * Leads from their rows and their contacts' rows. A lead stored before contacts had rows of their own keeps them
     * in its document until it is next saved.
     */
    private List<Lead> leads(List<LeadRow> rows, Map<UUID, List<LinkedContact>> linked) {
        return rows.stream().map(row -> {
            Lead lead = codec.read(row.document(), Lead.class);
            List<LinkedContact> links = linked.get(row.id());
            return links == null ? lead : lead.withContacts(links);
        }).toList();
    }

    private record LeadRow(UUID id, String document) {
        static LeadRow of(ResultSet row) throws SQLException {
            return new LeadRow(row.getObject(1, UUID.class), row.getString(2));
        }
    }
}
