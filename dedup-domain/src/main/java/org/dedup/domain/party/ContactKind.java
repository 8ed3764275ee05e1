package org.dedup.domain.party;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.LeadRepository;

/** Stand-alone contacts as merged records; a lead that linked an absorbed contact links the survivor, role kept. */
public record ContactKind(ContactRepository contacts, DuplicateSearch search) implements PartyKind<Contact> {

    @Override
    public RecordKind kind() {
        return RecordKind.CONTACT;
    }

    @Override
    public Class<Contact> type() {
        return Contact.class;
    }

    @Override
    public List<Contact> findAll(TenantId tenant, List<RecordRef> ids) {
        return contacts.findAll(tenant, ids.stream().map(id -> new ContactId(id.value())).toList());
    }

    @Override
    public void save(TenantId tenant, Contact record) {
        search.saveContact(tenant, record);
    }

    @Override
    public void delete(TenantId tenant, RecordRef id) {
        contacts.delete(tenant, new ContactId(id.value()));
    }

    @Override
    public Contact merged(List<Contact> records, Map<String, RecordRef> choices, PartySurvivorship survivorship,
                          List<FieldProvenance> provenance) {
        Contact name = survivorship.pick("name", records, choices, Contact::fullName, provenance);
        return new Contact(records.getFirst().id(), name.fullName(), survivorship.phones(records, provenance),
                survivorship.emails(records, provenance), survivorship.customFields(records, choices, provenance));
    }

    @Override
    public List<LeadId> linking(LeadRepository leads, TenantId tenant, Set<RecordRef> records, int limit) {
        return leads.linking(tenant, records.stream().map(id -> new ContactId(id.value())).toList(), limit);
    }

    /** The first link to the survivor keeps its position; it is primary when any of the merged links was. */
    @Override
    public Lead relinked(Lead lead, Set<RecordRef> absorbed, Contact survivor) {
        List<LinkedContact> links = new ArrayList<>();
        int survivorAt = -1;
        for (LinkedContact link : lead.contacts()) {
            if (!absorbed.contains(link.contact().id()) && !link.contact().id().equals(survivor.id())) {
                links.add(link);
            } else if (survivorAt < 0) {
                survivorAt = links.size();
                links.add(new LinkedContact(survivor, link.role()));
            } else if (link.isPrimary()) {
                links.set(survivorAt, new LinkedContact(survivor, ContactRole.PRIMARY));
            }
        }
        return lead.withContacts(links);
    }
}
