package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.ContactRepository;
import org.junit.jupiter.api.Test;

/** What every {@link ContactRepository} adapter does. */
public abstract class ContactRepositoryContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract ContactRepository contacts();

    private static MatchKey email(String value) {
        return new MatchKey("email", value);
    }

    private Contact saved(String address) {
        Contact contact = aContact("Jane Roe", address, "+1 212 555 0100")
                .withCustomFields(Map.of("vat", CustomFieldValue.text("GB1"), "age", CustomFieldValue.number("42")));
        contacts().save(TENANT, contact, Set.of(email(address)));
        return contact;
    }

    @Test
    void aSavedContactIsReadBackWhole() {
        Contact contact = saved("jane@x.io");
        assertEquals(contact, contacts().find(TENANT, contact.id()).orElseThrow());
        assertEquals(List.of(contact), contacts().findAll(TENANT, List.of(ContactId.random(), contact.id())));
    }

    @Test
    void savingAgainReplacesTheContactAndItsKeys() {
        Contact contact = saved("old@x.io");
        Contact renamed = contact.withFullName("Jane Doe");
        contacts().save(TENANT, renamed, Set.of(email("new@x.io")));
        assertEquals(renamed, contacts().find(TENANT, contact.id()).orElseThrow());
        assertTrue(contacts().findByKeys(TENANT, List.of(email("old@x.io")), 10).isEmpty());
        assertEquals(List.of(contact.id()), contacts().findByKeys(TENANT, List.of(email("new@x.io")), 10));
    }

    @Test
    void aDeletedContactAndItsKeysAreGone() {
        Contact contact = saved("gone@x.io");
        contacts().delete(TENANT, contact.id());
        assertTrue(contacts().find(TENANT, contact.id()).isEmpty());
        assertTrue(contacts().findByKeys(TENANT, List.of(email("gone@x.io")), 10).isEmpty());
    }

    @Test
    void anotherTenantCanNeitherReadNorMatchNorDeleteAContact() {
        Contact contact = saved("mine@x.io");
        assertTrue(contacts().find(OTHER, contact.id()).isEmpty());
        assertTrue(contacts().findAll(OTHER, List.of(contact.id())).isEmpty());
        assertTrue(contacts().findByKeys(OTHER, List.of(email("mine@x.io")), 10).isEmpty());
        contacts().delete(OTHER, contact.id());
        assertEquals(contact, contacts().find(TENANT, contact.id()).orElseThrow());
    }

    @Test
    void forEachVisitsEveryContactOfTheTenantOnce() {
        TenantId tenant = new TenantId("contacts-" + UUID.randomUUID().toString().substring(0, 8));
        List<ContactId> stored = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            Contact contact = aContact("Person " + i, null, null);
            contacts().save(tenant, contact, Set.of());
            stored.add(contact.id());
        }
        List<ContactId> visited = new ArrayList<>();
        contacts().forEach(tenant, contact -> visited.add(contact.id()));
        assertEquals(stored.size(), visited.size());
        assertEquals(Set.copyOf(stored), Set.copyOf(visited));
    }
}
