package org.dedup.domain.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.TenantId;

/** Port: stand-alone contacts (the Creatio Contacts section), indexed by duplicate-search keys, per tenant. */
public interface ContactRepository {

    /** Inserts or replaces the contact and its keys. */
    void save(TenantId tenant, Contact contact, Set<MatchKey> keys);

    void delete(TenantId tenant, ContactId id);

    Optional<Contact> find(TenantId tenant, ContactId id);

    List<Contact> findAll(TenantId tenant, Collection<ContactId> ids);

    List<ContactId> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit);

    void forEach(TenantId tenant, Consumer<Contact> action);
}
