package org.dedup.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dedup.domain.model.Contact;
import org.junit.jupiter.api.Test;

class PersonTenantTest {
    @Test
    void theSameSeedGivesTheSameContactsAndPersons() {
        PersonTenant first = PersonTenant.generate(2_000, PersonTenant.SEED);
        PersonTenant second = PersonTenant.generate(2_000, PersonTenant.SEED);
        assertEquals(first.contacts().stream().map(PersonTenantTest::values).toList(),
                second.contacts().stream().map(PersonTenantTest::values).toList());
        assertArrayEquals(first.personOf(), second.personOf());
    }

    @Test
    void truePairsAreThePairsOfContactsOfOnePerson() {
        PersonTenant tenant = PersonTenant.generate(2_000, PersonTenant.SEED);
        long pairs = 0;
        int[] personOf = tenant.personOf();
        for (int i = 0; i < personOf.length; i++) {
            for (int j = i + 1; j < personOf.length; j++) {
                pairs += personOf[i] == personOf[j] ? 1 : 0;
            }
        }
        assertEquals(pairs, tenant.truePairs());
        assertEquals(2_000, tenant.contacts().size());
    }

    private static String values(Contact contact) {
        return contact.fullName() + contact.emails() + contact.phones();
    }
}
