package org.dedup.persistence.lead;

import static org.dedup.persistence.jooq.Tables.LEAD_CONTACT;

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
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.DSLContext;

/**
 * A lead's contacts as rows of {@code lead_contact}: one per link, with its role and position on the lead. The
 * contacts of any number of leads are read by one statement.
 */
final class LeadContacts {
    private final DSLContext dsl;
    private final DocumentCodec codec;

    LeadContacts(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    /** All of the lead's contacts by one statement. */
    void insert(Lead lead) {
        if (lead.contacts().isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(LEAD_CONTACT, LEAD_CONTACT.TENANT_ID, LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION,
                LEAD_CONTACT.CONTACT_ID, LEAD_CONTACT.ROLE, LEAD_CONTACT.FULL_NAME, LEAD_CONTACT.DOCUMENT);
        for (int position = 0; position < lead.contacts().size(); position++) {
            LinkedContact link = lead.contacts().get(position);
            insert = insert.values(lead.tenant().value(), lead.id().value(), position, link.contact().id().value(),
                    link.role().name(), link.contact().fullName(), codec.write(link.contact()));
        }
        insert.execute();
    }

    void delete(TenantId tenant, LeadId lead) {
        dsl.deleteFrom(LEAD_CONTACT)
                .where(LEAD_CONTACT.TENANT_ID.eq(tenant.value()), LEAD_CONTACT.LEAD_ID.eq(lead.value()))
                .execute();
    }

    /** The contacts of each of {@code leads} that has any, in their order on the lead. */
    Map<UUID, List<LinkedContact>> of(TenantId tenant, Collection<UUID> leads) {
        Map<UUID, List<LinkedContact>> byLead = new HashMap<>();
        dsl.select(LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.ROLE, LEAD_CONTACT.DOCUMENT).from(LEAD_CONTACT)
                .where(LEAD_CONTACT.TENANT_ID.eq(tenant.value()), LEAD_CONTACT.LEAD_ID.in(leads))
                .orderBy(LEAD_CONTACT.LEAD_ID, LEAD_CONTACT.POSITION)
                .forEach(r -> byLead.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(new LinkedContact(
                        codec.read(r.value3(), Contact.class), ContactRole.valueOf(r.value2()))));
        return byLead;
    }
}
