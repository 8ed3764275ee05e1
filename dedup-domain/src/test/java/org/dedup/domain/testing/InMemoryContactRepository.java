package org.dedup.domain.testing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.ContactRepository;

public final class InMemoryContactRepository implements ContactRepository {
    private final InMemoryKeyedRecords<ContactId, Contact> records = new InMemoryKeyedRecords<>();

    @Override
    public void save(TenantId tenant, Contact contact, Set<MatchKey> keys) {
        records.save(tenant, contact.id(), contact, keys);
    }

    @Override
    public void delete(TenantId tenant, ContactId id) {
        records.delete(tenant, id);
    }

    @Override
    public Optional<Contact> find(TenantId tenant, ContactId id) {
        return records.find(tenant, id);
    }

    @Override
    public List<Contact> findAll(TenantId tenant, Collection<ContactId> ids) {
        return records.findAll(tenant, ids);
    }

    @Override
    public List<ContactId> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit) {
        return records.findByKeys(tenant, keys, limit);
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Contact> action) {
        records.forEach(tenant, action);
    }
}
