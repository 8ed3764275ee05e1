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
import org.dedup.ml.record.RecordSchema;

/**
 * Generated company records (name, street address, postcode, phone, sometimes website and email), labelled by
 * entity, for the shipped company model. Name and street words are drawn from real pools (the Febrl surnames,
 * suburbs and streets) combined with business words of many trades. Duplicates are made as several source lists
 * would list one site: an organisation's name before the site's, trade words dropped or abbreviated, legal suffixes,
 * typos, another house number spelling, a missing postcode or phone. Hard non-duplicates are made on purpose: sites
 * of one organisation (a shared name prefix, often a shared switchboard phone) and neighbours on one street.
 */
public final class CompanyRecords {
    private static final List<String> TRADES = List.of("child care center", "learning center", "academy", "day care",
            "elementary school", "montessori school", "community center", "family services", "dental clinic",
            "medical center", "pharmacy", "bakery", "auto repair", "law office", "consulting", "hardware",
            "restaurant", "fitness club", "church", "insurance agency", "real estate", "printing", "plumbing",
            "preschool", "head start", "youth center", "health center", "library", "florist", "travel agency");
    private static final List<String> ABBREVIATIONS = List.of("center:ctr", "community:comm", "services:svcs",
            "elementary:elem", "academy:acad", "saint:st", "school:sch", "learning:lrng", "medical:med");
    private static final List<String> LEGAL = List.of("inc", "llc", "ltd", "corp", "co");
    private static final List<String> STREET_TYPES = List.of("st", "ave", "blvd", "rd", "dr", "pl");
    private static final List<String> DIRECTIONS = List.of("n", "s", "e", "w");
    private final Random random;
    private final List<String> nameWords;
    private final List<String> streets;
    private final Attribute city = RecordSchema.companies().attribute("city").orElseThrow();

    public CompanyRecords(long seed, List<PersonRecord> pool) {
        this.random = new Random(seed);
        this.nameWords = distinct(pool, Attribute.SURNAME);
        this.streets = distinct(pool, Attribute.ADDRESS_1).stream().map(s -> s.split(" ")[0]).distinct().toList();
    }

    /** Companies of {@code entities} sites; a fifth of them belong to an organisation with several sites. */
    public LabelledRecords generate(int entities) {
        List<PersonRecord> records = new ArrayList<>();
        Map<String, String> clusterOf = new HashMap<>();
        int entity = 0;
        while (entity < entities) {
            boolean organisation = random.nextInt(5) == 0;
            String prefix = organisation ? pick(nameWords) + " " + pick(List.of("public schools", "family services",
                    "health", "catholic charities", "ymca", "community services")) : "";
            String sharedPhone = organisation && random.nextBoolean() ? phone() : null;
            String street = pick(streets);
            int sites = organisation ? 2 + random.nextInt(5) : 1;
            for (int site = 0; site < sites && entity < entities; site++, entity++) {
                Site original = site(prefix, sharedPhone, random.nextInt(4) == 0 ? street : pick(streets));
                int copies = copies();
                for (int k = 0; k < copies; k++) {
                    PersonRecord record = (k == 0 ? original : corrupt(original)).record("g" + entity + "-" + k, city);
                    records.add(record);
                    clusterOf.put(record.id(), "g" + entity);
                }
            }
        }
        return new LabelledRecords(records, clusterOf);
    }

    /** One to ten listings of a site, mostly few. */
    private int copies() {
        int roll = random.nextInt(10);
        return roll < 3 ? 1 : roll < 6 ? 2 : roll < 8 ? 3 + random.nextInt(2) : 5 + random.nextInt(6);
    }

    private record Site(String organisation, String name, String trade, String number, String direction,
                        String street, String postcode, String phone, String website, String email) {
        PersonRecord record(String id, Attribute city) {
            Map<Attribute, String> values = new HashMap<>();
            String fullName = (organisation.isEmpty() ? "" : organisation + " - ") + name
                    + (trade.isEmpty() ? "" : " " + trade);
            values.put(Attribute.COMPANY, fullName);
            values.put(Attribute.ADDRESS_1, (number + " " + direction + " " + street).replaceAll(" +", " "));
            values.put(Attribute.POSTCODE, postcode);
            values.put(city, "");
            values.put(Attribute.WEBSITE, website);
            Set<String> emails = email.isEmpty() ? Set.of() : Set.of(email);
            Set<String> phones = phone.isEmpty() ? Set.of() : Set.of(phone);
            return new PersonRecord(id, values, emails, phones);
        }
    }

    private Site site(String organisation, String sharedPhone, String streetName) {
        String name = pick(nameWords) + (random.nextInt(3) == 0 ? " " + pick(nameWords) : "");
        String street = streetName + " " + pick(STREET_TYPES);
        String website = random.nextInt(6) == 0 ? "www." + name.replace(" ", "") + ".org" : "";
        String email = random.nextInt(12) == 0 ? pick(List.of("info", "office", name.split(" ")[0])) + "@"
                + name.replace(" ", "") + ".org" : "";
        return new Site(organisation, name, pick(TRADES), String.valueOf(1 + random.nextInt(9_000)),
                random.nextBoolean() ? pick(DIRECTIONS) : "", street, String.valueOf(60_600 + random.nextInt(60)),
                sharedPhone != null ? sharedPhone : phone(), website, email);
    }

    private Site corrupt(Site s) {
        String organisation = random.nextInt(3) == 0 ? "" : s.organisation();
        if (organisation.isEmpty() && random.nextInt(6) == 0) {
            organisation = pick(nameWords) + " " + pick(List.of("schools", "services", "partners"));
        }
        String name = random.nextInt(8) == 0 ? Typos.typo(random, s.name()) : s.name();
        String trade = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> abbreviate(s.trade());
            case 2 -> s.trade() + " " + pick(LEGAL);
            default -> s.trade();
        };
        String number = switch (random.nextInt(12)) {
            case 0 -> Typos.typo(random, s.number());
            case 1 -> String.valueOf(Integer.parseInt(s.number()) + 2 * (1 + random.nextInt(10)));
            default -> s.number();
        };
        String direction = random.nextInt(3) == 0 ? "" : s.direction();
        String street = random.nextInt(10) == 0 ? Typos.typo(random, s.street()) : random.nextInt(4) == 0
                ? s.street().substring(0, s.street().lastIndexOf(' ')) : s.street();
        String postcode = random.nextInt(5) < 2 ? "" : s.postcode();
        String phone = switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> phone();
            case 2 -> "773" + s.phone();
            default -> s.phone();
        };
        return new Site(organisation, name, trade, number, direction, street, postcode, phone,
                random.nextInt(3) == 0 ? "" : s.website(), random.nextInt(3) == 0 ? "" : s.email());
    }

    private String abbreviate(String trade) {
        for (String pair : ABBREVIATIONS) {
            String[] parts = pair.split(":");
            if (trade.contains(parts[0])) {
                return trade.replace(parts[0], parts[1]);
            }
        }
        return trade.contains(" ") ? trade.substring(0, trade.indexOf(' ')) : trade;
    }

    /** Seven digits, as a local listing writes them. */
    private String phone() {
        return String.valueOf(2_000_000 + random.nextInt(7_000_000));
    }


    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> distinct(List<PersonRecord> records, Attribute attribute) {
        List<String> values = records.stream().filter(r -> r.has(attribute)).map(r -> r.value(attribute))
                .filter(v -> v.length() > 2).distinct().sorted().toList();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the pool has no " + attribute.key());
        }
        return values;
    }
}
