package org.dedup.ml.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;

/**
 * Generated CRM-style person records (name, emails, phones, company; no address), labelled by entity: the
 * contact data the Febrl sets lack. Names are drawn from real name pools (the Febrl records), and the hard cases a
 * CRM meets are made on purpose: duplicates with typos, swapped or missing names, another email or a missing phone;
 * and different people who share a name, or a surname with a household phone or mailbox.
 */
public final class ContactStyleRecords {
    private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "outlook.com", "mail.ru", "web.de"};
    private static final String[] COUNTRY_PREFIX = {"+4420", "+447700", "+1415", "+4930", "+331", "+7495"};
    private final Random random;
    private final List<String> givenNames;
    private final List<String> surnames;

    public ContactStyleRecords(long seed, List<PersonRecord> namePool) {
        this.random = new Random(seed);
        this.givenNames = distinct(namePool, Attribute.GIVEN_NAME);
        this.surnames = distinct(namePool, Attribute.SURNAME);
    }

    /** {@code entities} people, each with 0-3 duplicates; one in three shares its name with another person. */
    public LabelledRecords generate(int entities) {
        List<PersonRecord> records = new ArrayList<>();
        Map<String, String> clusterOf = new HashMap<>();
        PersonRecord previous = null;
        for (int entity = 0; entity < entities; entity++) {
            PersonRecord original = previous != null && random.nextInt(3) == 0 ? namesakeOf(previous, entity)
                    : person("c" + entity + "-0");
            add(records, clusterOf, original, entity);
            int duplicates = random.nextInt(4);
            for (int k = 1; k <= duplicates; k++) {
                add(records, clusterOf, corrupt(original, "c" + entity + "-" + k), entity);
            }
            previous = original;
        }
        return new LabelledRecords(records, clusterOf);
    }

    private PersonRecord person(String id) {
        String given = pick(givenNames);
        String surname = pick(surnames);
        String company = random.nextInt(3) == 0 ? "" : pick(surnames) + " " + pick(List.of("ltd", "gmbh", "inc",
                "group", "consulting"));
        Set<String> emails = new LinkedHashSet<>();
        emails.add(email(given, surname, company));
        Set<String> phones = new LinkedHashSet<>();
        phones.add(phone());
        return record(id, given, surname, company, emails, phones);
    }

    /**
     * A different person related by name: an exact namesake (two in three), with an email and phone of their own;
     * or a family member with the same surname, who may share the household phone or mailbox.
     */
    private PersonRecord namesakeOf(PersonRecord other, int entity) {
        PersonRecord fresh = person("c" + entity + "-0");
        String surname = other.value(Attribute.SURNAME);
        if (random.nextInt(3) != 0) {
            return record(fresh.id(), other.value(Attribute.GIVEN_NAME), surname, fresh.value(Attribute.COMPANY),
                    fresh.emails(), fresh.phones());
        }
        Set<String> phones = random.nextBoolean() ? other.phones() : fresh.phones();
        Set<String> emails = random.nextInt(6) == 0 ? other.emails() : fresh.emails();
        return record(fresh.id(), fresh.value(Attribute.GIVEN_NAME), surname, fresh.value(Attribute.COMPANY), emails,
                phones);
    }

    private PersonRecord corrupt(PersonRecord original, String id) {
        String given = original.value(Attribute.GIVEN_NAME);
        String surname = original.value(Attribute.SURNAME);
        switch (random.nextInt(6)) {
            case 0 -> given = Typos.typo(random, given);
            case 1 -> surname = Typos.typo(random, surname);
            case 2 -> {
                String swap = given;
                given = surname;
                surname = swap;
            }
            case 3 -> surname = random.nextBoolean() ? "" : surname;
            default -> { }
        }
        Set<String> emails = new LinkedHashSet<>();
        String email = original.emails().iterator().next();
        switch (random.nextInt(10)) {
            case 0, 1 -> { }
            case 2 -> emails.add(Typos.typo(random, email));
            case 3 -> emails.add(email(given, surname, ""));
            default -> emails.add(email);
        }
        Set<String> phones = new LinkedHashSet<>();
        switch (random.nextInt(10)) {
            case 0, 1, 2 -> { }
            case 3 -> phones.add(phone());
            default -> phones.addAll(original.phones());
        }
        String company = random.nextInt(3) == 0 ? "" : original.value(Attribute.COMPANY);
        return record(id, given, surname, company, emails, phones);
    }

    private String email(String given, String surname, String company) {
        String local = switch (random.nextInt(4)) {
            case 0 -> given + "." + surname;
            case 1 -> given.isEmpty() ? surname : given.charAt(0) + surname;
            case 2 -> given + random.nextInt(100);
            default -> surname + "." + given;
        };
        String domain = company.isEmpty() || random.nextBoolean() ? pick(List.of(FREE_MAIL))
                : company.replace(" ", "-") + ".com";
        return local.replaceAll("[^a-z0-9.]", "") + "@" + domain;
    }

    private String phone() {
        StringBuilder phone = new StringBuilder(pick(List.of(COUNTRY_PREFIX)));
        while (phone.length() < 13) {
            phone.append(random.nextInt(10));
        }
        return phone.toString();
    }


    private static PersonRecord record(String id, String given, String surname, String company, Set<String> emails,
                                       Set<String> phones) {
        Map<Attribute, String> values = new HashMap<>();
        values.put(Attribute.GIVEN_NAME, given);
        values.put(Attribute.SURNAME, surname);
        values.put(Attribute.COMPANY, company);
        return new PersonRecord(id, values, emails, phones);
    }

    private static void add(List<PersonRecord> records, Map<String, String> clusterOf, PersonRecord record,
                            int entity) {
        records.add(record);
        clusterOf.put(record.id(), "c" + entity);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> distinct(List<PersonRecord> records, Attribute attribute) {
        List<String> values = records.stream().filter(r -> r.has(attribute)).map(r -> r.value(attribute))
                .filter(v -> v.length() > 1).distinct().sorted().toList();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the name pool has no " + attribute.key());
        }
        return values;
    }
}
