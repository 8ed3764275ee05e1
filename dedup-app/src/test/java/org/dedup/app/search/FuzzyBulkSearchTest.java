package org.dedup.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.GroupLink;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.search.ScanMethod;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scan --method both} on a small generated tenant, on H2 and on PostgreSQL: the BIG DATA model finds the
 * duplicates with a typo in the surname and the email that no rule can, the rules still find theirs, no group mixes
 * two persons, and the stored groups carry the model's scores and explanations.
 */
class FuzzyBulkSearchTest {
    private static final TenantId TENANT = new TenantId("fuzzy");
    private static final String[] GIVEN = {"Maria", "Oleg", "Fatima", "Kenji", "Ingrid", "Tomasz", "Aisha", "Pierre",
            "Lucia", "Henrik", "Nadia", "Rafael", "Sofia", "Dmitri", "Chiara", "Emeka", "Astrid", "Mateo", "Yuki",
            "Brigid"};
    private static final String[] SURNAMES = {"Kowalski", "Andersen", "Johansson", "Petrovic", "Schneider",
            "Fernandez", "Lindqvist", "Moretti", "Novotny", "Brennan", "Okafor", "Takahashi", "Silvestri", "Dubois",
            "Wojcik", "Halvorsen", "Castellano", "Nakamura", "Whitfield", "Barzani"};
    private static final int PERSONS = 60;

    @TempDir
    Path dir;
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestPostgres::dropSchema);
    }

    private DedupApplication start(String database) {
        DatabaseConfig db;
        if (database.equals("h2")) {
            db = DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH");
        } else {
            schemas.add(TestPostgres.createSchema("fuzzy"));
            db = new DatabaseConfig(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 4, schemas.getLast());
        }
        return DedupApplication.start(DedupConfig.defaults().withDatabase(db).withTenants(List.of(
                new TenantConfig(TENANT.value(), "fuzzy-secret-key-0001", List.of("email"), null, null, null, null))));
    }

    /** A surname with its middle letter replaced: what no duplicate rule sees through. */
    private static String typo(String word) {
        int middle = word.length() / 2;
        char replaced = word.charAt(middle) == 'x' ? 'q' : 'x';
        return word.substring(0, middle) + replaced + word.substring(middle + 1);
    }

    private static Contact contact(String given, String surname, String email, String phone) {
        return new Contact(ContactId.random(), given + " " + surname, List.of(Phone.of(PhoneType.MOBILE, phone)),
                List.of(Email.of(email)), Map.of());
    }

    /**
     * Every person once; every third person again with a typo in the surname and the email and the phone written
     * differently (only the model finds those), every third + 1 again with the email in capitals (a rule finds it).
     */
    private static Map<RecordRef, Integer> tenant(DuplicateSearch search, Set<RecordPair> typoPairs,
                                                  Set<RecordPair> rulePairs) {
        Map<RecordRef, Integer> personOf = new HashMap<>();
        for (int person = 0; person < PERSONS; person++) {
            String given = GIVEN[person % GIVEN.length];
            String surname = SURNAMES[(person + person / GIVEN.length) % SURNAMES.length];
            String local = given.toLowerCase(Locale.ROOT) + "." + surname.toLowerCase(Locale.ROOT);
            String phone = String.format("+1 415 %03d %04d", 200 + person, 1000 + 37 * person);
            Contact original = contact(given, surname, local + "@mail" + person + ".com", phone);
            save(search, original, person, personOf);
            if (person % 3 == 0) {
                String misspelt = typo(surname);
                String misspeltEmail = given.toLowerCase(Locale.ROOT) + "." + misspelt.toLowerCase(Locale.ROOT) + "@mail"
                        + person + ".com";
                Contact variant = contact(given, misspelt, misspeltEmail,
                        String.format("(415) %03d-%04d", 200 + person, 1000 + 37 * person));
                save(search, variant, person, personOf);
                typoPairs.add(new RecordPair(original.id(), variant.id()));
            } else if (person % 3 == 1) {
                String capitals = (local + "@mail" + person + ".com").toUpperCase(Locale.ROOT);
                Contact variant = contact(given, surname, capitals, phone);
                save(search, variant, person, personOf);
                rulePairs.add(new RecordPair(original.id(), variant.id()));
            }
        }
        return personOf;
    }

    private static void save(DuplicateSearch search, Contact contact, int person, Map<RecordRef, Integer> personOf) {
        search.saveContact(TENANT, contact);
        personOf.put(contact.id(), person);
    }

    private static Set<RecordPair> pairs(List<DuplicateGroup> groups) {
        Set<RecordPair> pairs = new HashSet<>();
        for (DuplicateGroup group : groups) {
            List<RecordRef> members = group.members();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    pairs.add(new RecordPair(members.get(i), members.get(j)));
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void bothFindsTheTypoDuplicatesTheRulesMissAndKeepsTheRulesOnes(String database) {
        try (DedupApplication app = start(database)) {
            DuplicateSearch search = app.get(DuplicateSearch.class);
            Set<RecordPair> typoPairs = new HashSet<>();
            Set<RecordPair> rulePairs = new HashSet<>();
            Map<RecordRef, Integer> personOf = tenant(search, typoPairs, rulePairs);

            Set<RecordPair> byRules = pairs(search.scan(TENANT, ScanMethod.RULES).groups());
            Set<RecordPair> byBoth = pairs(search.scan(TENANT, ScanMethod.BOTH).groups());

            assertEquals(rulePairs, byRules, "the rules find the capitalised emails and nothing else");
            assertTrue(byBoth.containsAll(typoPairs), "typo pairs missed: " + difference(typoPairs, byBoth));
            assertTrue(byBoth.containsAll(rulePairs), "rule pairs lost: " + difference(rulePairs, byBoth));
            byBoth.forEach(pair -> assertEquals(personOf.get(pair.first()), personOf.get(pair.second()),
                    "a group holds two persons: " + pair));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theStoredGroupsCarryTheModelsScoresAndExplanations(String database) {
        try (DedupApplication app = start(database)) {
            DuplicateSearch search = app.get(DuplicateSearch.class);
            Set<RecordPair> typoPairs = new HashSet<>();
            tenant(search, typoPairs, new HashSet<>());

            search.scan(TENANT, ScanMethod.BIG_DATA);

            List<GroupLink> links = new ArrayList<>();
            search.groups(TENANT).forEach(group -> links.addAll(group.links()));
            GroupLink typo = links.stream().filter(l -> typoPairs.contains(l.pair())).findFirst().orElseThrow();
            assertEquals("big_data", typo.method());
            assertTrue(typo.score() >= 0.5 && typo.score() <= 1.0, "score " + typo.score());
            assertTrue(typo.explanation().stream().anyMatch(l -> l.field().equals("surname")),
                    typo.explanation().toString());
            assertFalse(search.groups(TENANT).stream().anyMatch(g -> g.rules().contains("Contact: email")),
                    "big_data alone uses no rule");
        }
    }

    @Test
    void anUnknownMethodIsRefusedNamingTheMethods() {
        InvalidOptionException refused = assertThrows(InvalidOptionException.class, () -> ScanMethod.named("fuzzy"));

        assertTrue(refused.getMessage().contains("rules, big_data, both"), refused.getMessage());
    }

    private static Set<RecordPair> difference(Set<RecordPair> expected, Set<RecordPair> found) {
        Set<RecordPair> missing = new HashSet<>(expected);
        missing.removeAll(found);
        return missing;
    }
}
