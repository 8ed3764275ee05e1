package org.dedup.ml;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/** Test-data builder for person records: {@code aPerson("p1").named("john", "smith").withEmail(...).build()}. */
public final class Persons {
    private final String id;
    private final Map<Attribute, String> values = new HashMap<>();
    private final Set<String> emails = new LinkedHashSet<>();
    private final Set<String> phones = new LinkedHashSet<>();

    private Persons(String id) {
        this.id = id;
    }

    public static Persons aPerson(String id) {
        return new Persons(id);
    }

    public Persons named(String given, String surname) {
        values.put(Attribute.GIVEN_NAME, given);
        values.put(Attribute.SURNAME, surname);
        return this;
    }

    public Persons with(Attribute attribute, String value) {
        values.put(attribute, value);
        return this;
    }

    public Persons withEmail(String email) {
        emails.add(email);
        return this;
    }

    public Persons withPhone(String e164) {
        phones.add(e164);
        return this;
    }

    public PersonRecord build() {
        return new PersonRecord(id, values, emails, phones);
    }
}
