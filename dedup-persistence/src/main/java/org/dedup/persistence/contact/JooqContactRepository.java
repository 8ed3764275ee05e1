package org.dedup.persistence.contact;

import static org.dedup.persistence.jooq.Tables.CONTACT;
import static org.dedup.persistence.jooq.Tables.CONTACT_KEY;

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
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.ContactKeyRecord;
import org.dedup.persistence.jooq.tables.records.ContactRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.keyed.KeyTable;
import org.dedup.persistence.keyed.KeyedDocuments;
import org.jooq.DSLContext;

/** Stand-alone contacts as JSON documents in {@code contact}, found by their keys in {@code contact_key}. */
public final class JooqContactRepository implements ContactRepository {
    private final KeyedDocuments<ContactRecord, ContactKeyRecord> documents;
    private final DocumentCodec codec;

    public JooqContactRepository(DSLContext dsl, DocumentCodec codec) {
        this.documents = new KeyedDocuments<>(dsl, new KeyedDocuments.Columns<>(CONTACT, CONTACT.TENANT_ID,
                CONTACT.ID, CONTACT.FULL_NAME, CONTACT.DOCUMENT, new KeyTable<>(CONTACT_KEY, CONTACT_KEY.TENANT_ID,
                CONTACT_KEY.NAMESPACE, CONTACT_KEY.KEY_VALUE, CONTACT_KEY.CONTACT_ID)));
        this.codec = codec;
    }

    @Override
    public void save(TenantId tenant, Contact contact, Set<MatchKey> keys) {
        Storage.run("save", contact.id(), tenant, () -> documents.save(tenant, contact.id().value(),
                contact.fullName(), codec.write(contact), keys));
    }

    @Override
    public void delete(TenantId tenant, ContactId id) {
        Storage.run("delete", id, tenant, () -> documents.delete(tenant, id.value()));
    }

    @Override
    public Optional<Contact> find(TenantId tenant, ContactId id) {
        return Storage.attempt("read", id, tenant, () -> documents.find(tenant, id.value()).map(this::contact));
    }

    @Override
    public List<Contact> findAll(TenantId tenant, Collection<ContactId> ids) {
        return Storage.attempt("read", ids.size() + " contacts", tenant, () -> documents.findAll(tenant,
                ids.stream().map(ContactId::value).toList()).stream().map(this::contact).toList());
    }

    @Override
    public List<ContactId> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit) {
        return Storage.attempt("look up contacts by", keys, tenant, () -> documents.findByKeys(tenant, keys, limit)
                .stream().map(ContactId::new).toList());
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Contact> action) {
        Storage.run("read", "every contact", tenant, () -> documents.forEach(tenant, d -> action.accept(contact(d))));
    }

    private Contact contact(String document) {
        return codec.read(document, Contact.class);
    }
}
