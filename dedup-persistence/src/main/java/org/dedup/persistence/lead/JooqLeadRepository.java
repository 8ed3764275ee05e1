package org.dedup.persistence.lead;

import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.LEAD;
import static org.dedup.persistence.jooq.Tables.LEAD_KEY;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.domain.control.SearchScope;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.LeadKeyRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.keyed.KeyTable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Leads in {@code lead} (a JSON document of the lead's own values beside the columns queries filter on), their
 * contacts with role and position in {@code lead_contact}, their match keys in {@code lead_key}. Every statement
 * filters on the tenant; N leads with their contacts are read by two statements.
 */
public final class JooqLeadRepository implements LeadRepository {
    private static final int PAGE = 1_000;
    private static final KeyTable<LeadKeyRecord> KEYS = new KeyTable<>(LEAD_KEY, LEAD_KEY.TENANT_ID, LEAD_KEY.NAMESPACE,
            LEAD_KEY.KEY_VALUE, LEAD_KEY.LEAD_ID);
    private final DSLContext dsl;
    private final DocumentCodec codec;
    private final LeadContacts contacts;

    public JooqLeadRepository(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
        this.contacts = new LeadContacts(dsl, codec);
    }

    @Override
    public void insert(Lead lead, Set<MatchKey> keys) {
        Storage.run("insert", lead.id(), lead.tenant(), () -> {
            insertRow(lead);
            contacts.insert(lead);
            KEYS.insert(dsl, lead.tenant(), lead.id().value(), keys);
        });
    }

    private void insertRow(Lead lead) {
        dsl.insertInto(LEAD)
                .set(LEAD.TENANT_ID, lead.tenant().value())
                .set(LEAD.ID, lead.id().value())
                .set(LEAD.VERSION, lead.version())
                .set(LEAD.PIPELINE, lead.stage().pipeline())
                .set(LEAD.STAGE, lead.stage().stage())
                .set(LEAD.CREATED_AT, time(lead.createdAt()))
                .set(LEAD.UPDATED_AT, time(lead.updatedAt()))
                .set(LEAD.DOCUMENT, document(lead))
                .execute();
    }

    @Override
    public void update(Lead lead, Set<MatchKey> keys) {
        Storage.run("update", lead.id(), lead.tenant(), () -> {
            updateRow(lead);
            contacts.delete(lead.tenant(), lead.id());
            contacts.insert(lead);
            KEYS.replace(dsl, lead.tenant(), lead.id().value(), keys);
        });
    }

    private void updateRow(Lead lead) {
        int updated = dsl.update(LEAD)
                .set(LEAD.VERSION, lead.version())
                .set(LEAD.PIPELINE, lead.stage().pipeline())
                .set(LEAD.STAGE, lead.stage().stage())
                .set(LEAD.UPDATED_AT, time(lead.updatedAt()))
                .set(LEAD.DOCUMENT, document(lead))
                .where(LEAD.TENANT_ID.eq(lead.tenant().value()), LEAD.ID.eq(lead.id().value()),
                        LEAD.VERSION.eq(lead.version() - 1))
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(lead.tenant(), lead.id(), lead.version() - 1);
        }
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
            KEYS.deleteAll(dsl, tenant, id.value());
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
        Map<UUID, Lead> byId = Storage.attempt("read", ids.size() == 1 ? ids.iterator().next() : ids.size() + " leads",
                tenant, () -> leads(tenant, dsl.select(LEAD.ID, LEAD.DOCUMENT).from(LEAD)
                        .where(LEAD.TENANT_ID.eq(tenant.value()), LEAD.ID.in(ids.stream().map(LeadId::value).toList()))
                        .fetch()))
                .stream().collect(Collectors.toMap(lead -> lead.id().value(), lead -> lead));
        return ids.stream().distinct().map(id -> byId.get(id.value())).filter(Objects::nonNull).toList();
    }

    @Override
    public List<List<LeadId>> findByKeySets(TenantId tenant, List<? extends Collection<MatchKey>> keySets,
                                            SearchScope scope, int limit) {
        List<List<LeadId>> found = keySets.stream().map(keys -> (List<LeadId>) new ArrayList<LeadId>()).toList();
        IntStream.range(0, keySets.size()).filter(i -> !keySets.get(i).isEmpty())
                .mapToObj(i -> candidateLookup(tenant, keySets.get(i), scope, limit, i))
                .reduce(Select::unionAll)
                .ifPresent(lookup -> Storage.run("look up leads by", keySets, tenant,
                        () -> lookup.forEach(r -> found.get(r.value2()).add(new LeadId(r.value1())))));
        return found.stream().map(List::copyOf).toList();
    }

    /**
     * The candidate lookup of key set {@code set}, one statement: the key index gives the lead ids, the lead's
     * primary key its pipeline and stage for the scope filter. Public so the plan can be shown (EXPLAIN) by tests and
     * harnesses.
     */
    public Select<Record2<UUID, Integer>> candidateLookup(TenantId tenant, Collection<MatchKey> keys, SearchScope scope,
                                                          int limit, int set) {
        return dsl.selectDistinct(LEAD_KEY.LEAD_ID, DSL.val(set)).from(LEAD_KEY)
                .join(LEAD).on(LEAD.TENANT_ID.eq(LEAD_KEY.TENANT_ID), LEAD.ID.eq(LEAD_KEY.LEAD_ID))
                .where(LEAD_KEY.TENANT_ID.eq(tenant.value()),
                        KEYS.anyOf(keys), inScope(scope))
                .orderBy(LEAD_KEY.LEAD_ID)
                .limit(limit);
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Lead> action) {
        Storage.run("read", "every lead", tenant, () -> forEachPage(tenant, action));
    }

    private void forEachPage(TenantId tenant, Consumer<Lead> action) {
        UUID after = null;
        while (true) {
            Condition page = after == null ? DSL.noCondition() : LEAD.ID.gt(after);
            var rows = dsl.select(LEAD.ID, LEAD.DOCUMENT).from(LEAD).where(LEAD.TENANT_ID.eq(tenant.value()), page)
                    .orderBy(LEAD.ID).limit(PAGE).fetch();
            leads(tenant, rows).forEach(action);
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.getLast().value1();
        }
    }

    @Override
    public long count(TenantId tenant) {
        return Storage.attempt("count", "leads", tenant, () -> dsl.fetchCount(LEAD, LEAD.TENANT_ID.eq(tenant.value())));
    }

    private Condition inScope(SearchScope scope) {
        if (scope.isEverything()) {
            return DSL.noCondition();
        }
        return DSL.or(scope.stagesByPipeline().entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? LEAD.PIPELINE.eq(e.getKey())
                        : LEAD.PIPELINE.eq(e.getKey()).and(LEAD.STAGE.in(e.getValue())))
                .toList());
    }

    /** The lead's own values; its contacts are rows of {@code lead_contact}. */
    private String document(Lead lead) {
        return codec.write(lead.withContacts(List.of()));
    }

    /**
     * Leads from their rows, with their contacts read by one more statement. A lead stored before contacts had
     * rows of their own keeps them in its document until it is next saved.
     */
    private List<Lead> leads(TenantId tenant, Result<Record2<UUID, String>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LinkedContact>> linked = contacts.of(tenant, rows.getValues(LEAD.ID));
        return rows.stream().map(row -> {
            Lead lead = codec.read(row.value2(), Lead.class);
            List<LinkedContact> links = linked.get(row.value1());
            return links == null ? lead : lead.withContacts(links);
        }).toList();
    }
}
