package org.dedup.persistence.lead;

import static org.dedup.persistence.jooq.Tables.LEAD_CONTACT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.jooq.tables.records.LeadContactRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.statement.ArrayRows;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.DSLContext;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertValuesStep7;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * A lead's contacts as rows of {@code lead_contact}: one per link, with its role and position on the lead. The
 * contacts of any number of leads are read by one statement.
 */
final class LeadContacts {
    private final DSLContext dsl;
    private final DocumentCodec codec;
    private final RenderedStatements statements;

    LeadContacts(DSLContext dsl, DocumentCodec codec, RenderedStatements statements) {
        this.dsl = dsl;
        this.codec = codec;
        this.statements = statements;
    }

    /** The insert of all of the lead's contacts, one statement; none if it has none. */
    List<Query> insertion(Binds v, Lead lead) {
        if (lead.contacts().isEmpty()) {
            return List.of();
        }
        var insert = into();
        for (int position = 0; position < lead.contacts().size(); position++) {
            insert = insert.values(row(v, lead, position));
        }
        return List.of(insert);
    }

    /** The insert of the lead's contact at {@code position}. */
    Query insertion(Binds v, Lead lead, int position) {
        return into().values(row(v, lead, position));
    }

    private InsertValuesStep7<LeadContactRecord, String, UUID, Integer, UUID, String, String, String> into() {
        return dsl.insertInto(LEAD_CONTACT, LEAD_CONTACT.TENANT_ID, LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION,
                LEAD_CONTACT.CONTACT_ID, LEAD_CONTACT.ROLE, LEAD_CONTACT.FULL_NAME, LEAD_CONTACT.DOCUMENT);
    }

    private List<Param<?>> row(Binds v, Lead lead, int position) {
        LinkedContact link = lead.contacts().get(position);
        return List.of(v.of(LEAD_CONTACT.TENANT_ID, lead.tenant().value()),
                v.of(LEAD_CONTACT.LEAD_ID, lead.id().value()), v.of(LEAD_CONTACT.POSITION, position),
                v.of(LEAD_CONTACT.CONTACT_ID, link.contact().id().value()),
                v.of(LEAD_CONTACT.ROLE, link.role().name()),
                v.of(LEAD_CONTACT.FULL_NAME, link.contact().fullName()),
                v.of(LEAD_CONTACT.DOCUMENT, codec.write(link.contact())));
    }

    /** PostgreSQL: the insert of all the contacts of {@code leads}, by a statement of one text however many. */
    InsertOnDuplicateStep<LeadContactRecord> insertionAsArrays(Binds v, TenantId tenant, List<Lead> leads) {
        ArrayRows rows = new ArrayRows("c", List.of(LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION,
                LEAD_CONTACT.CONTACT_ID, LEAD_CONTACT.ROLE, LEAD_CONTACT.FULL_NAME, LEAD_CONTACT.DOCUMENT));
        for (Lead lead : leads) {
            for (int position = 0; position < lead.contacts().size(); position++) {
                LinkedContact link = lead.contacts().get(position);
                rows.add(lead.id().value(), position, link.contact().id().value(), link.role().name(),
                        link.contact().fullName(), codec.write(link.contact()));
            }
        }
        var tenantId = v.of(LEAD_CONTACT.TENANT_ID, tenant.value());
        return into().select(DSL.select(tenantId, rows.field(LEAD_CONTACT.LEAD_ID), rows.field(LEAD_CONTACT.POSITION),
                rows.field(LEAD_CONTACT.CONTACT_ID), rows.field(LEAD_CONTACT.ROLE), rows.field(LEAD_CONTACT.FULL_NAME),
                rows.field(LEAD_CONTACT.DOCUMENT)).from(rows.table(v)));
    }

    /**
     * PostgreSQL: the stored contacts of {@code leads} made what each lead has now, by two statements of one text
     * however many: each contact written over the row at its position (a row whose values are the same is left as it
     * is), and the rows past a lead's last contact deleted. A merge changes the contacts of a stored lead, and seldom
     * their number: written in place, with room left on the page (V17), PostgreSQL updates such a row where it lies
     * and touches no index (a HOT update), where a delete and an insert wrote two index entries and left a dead row
     * for vacuum.
     */
    List<Query> rewriteAsArrays(Binds v, TenantId tenant, List<Lead> leads) {
        List<Query> queries = new ArrayList<>(List.of(trimmingAsArrays(v, tenant, leads)));
        if (leads.stream().anyMatch(lead -> !lead.contacts().isEmpty())) {
            queries.add(writingOver(insertionAsArrays(v, tenant, leads)));
        }
        return queries;
    }

    private static Query writingOver(InsertOnDuplicateStep<LeadContactRecord> insertion) {
        var written = List.of(LEAD_CONTACT.CONTACT_ID, LEAD_CONTACT.ROLE, LEAD_CONTACT.FULL_NAME,
                LEAD_CONTACT.DOCUMENT);
        return insertion.onConflict(LEAD_CONTACT.TENANT_ID, LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION).doUpdate()
                .set(LEAD_CONTACT.CONTACT_ID, DSL.excluded(LEAD_CONTACT.CONTACT_ID))
                .set(LEAD_CONTACT.ROLE, DSL.excluded(LEAD_CONTACT.ROLE))
                .set(LEAD_CONTACT.FULL_NAME, DSL.excluded(LEAD_CONTACT.FULL_NAME))
                .set(LEAD_CONTACT.DOCUMENT, DSL.excluded(LEAD_CONTACT.DOCUMENT))
                .where(DSL.row(written).isDistinctFrom(DSL.row(written.stream().map(DSL::excluded).toList())));
    }

    /** PostgreSQL: the delete of each lead's rows from its number of contacts on. */
    private Query trimmingAsArrays(Binds v, TenantId tenant, List<Lead> leads) {
        ArrayRows counts = new ArrayRows("n", List.of(LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION));
        leads.forEach(lead -> counts.add(lead.id().value(), lead.contacts().size()));
        return dsl.deleteFrom(LEAD_CONTACT).using(counts.table(v))
                .where(LEAD_CONTACT.TENANT_ID.eq(v.of(LEAD_CONTACT.TENANT_ID, tenant.value())),
                        LEAD_CONTACT.LEAD_ID.eq(counts.field(LEAD_CONTACT.LEAD_ID)),
                        LEAD_CONTACT.POSITION.ge(counts.field(LEAD_CONTACT.POSITION)));
    }

    Query deletion(Binds v, TenantId tenant, LeadId lead) {
        return dsl.deleteFrom(LEAD_CONTACT)
                .where(LEAD_CONTACT.TENANT_ID.eq(v.of(LEAD_CONTACT.TENANT_ID, tenant.value())),
                        LEAD_CONTACT.LEAD_ID.eq(v.of(LEAD_CONTACT.LEAD_ID, lead.value())));
    }

    void delete(TenantId tenant, LeadId lead) {
        statements.execute("delete contacts", v -> deletion(v, tenant, lead));
    }

    /** The contacts of each of {@code leads} that has any, in their order on the lead. */
    Map<UUID, List<LinkedContact>> of(TenantId tenant, Collection<UUID> leads) {
        return byLead(statements.fetch(List.of("contacts of", leads.size()), v -> query(v, tenant, leads), this::link));
    }

    /** The contacts of {@code leads}, in their order on each lead: rows read by {@link #link}. */
    Query query(Binds v, TenantId tenant, Collection<UUID> leads) {
        return dsl.select(LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.ROLE, LEAD_CONTACT.DOCUMENT).from(LEAD_CONTACT)
                .where(LEAD_CONTACT.TENANT_ID.eq(v.of(LEAD_CONTACT.TENANT_ID, tenant.value())),
                        LEAD_CONTACT.LEAD_ID.in(leads.stream().map(id -> v.of(LEAD_CONTACT.LEAD_ID, id)).toList()))
                .orderBy(LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION);
    }

    Link link(ResultSet row) throws SQLException {
        return new Link(row.getObject(1, UUID.class),
                new LinkedContact(codec.read(row.getString(3), Contact.class), ContactRole.valueOf(row.getString(2))));
    }

    static Map<UUID, List<LinkedContact>> byLead(List<Link> links) {
        Map<UUID, List<LinkedContact>> byLead = new HashMap<>();
        links.forEach(link -> byLead.computeIfAbsent(link.lead(), id -> new ArrayList<>()).add(link.contact()));
        return byLead;
    }

    record Link(UUID lead, LinkedContact contact) {
    }
}
