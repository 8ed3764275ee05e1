package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMerges;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.RecordSchema;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant's contact and company merges and unmerges, made by the application on H2 and on PostgreSQL, read back as
 * the labels {@code train --tenant} and a labelling session learn: per kind of record, the tenant's own only.
 */
class TenantDecisionsOnDatabasesTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final LeadPersons PEOPLE = LeadPersons.configured(RecordSchema.people(),
            MatcherConfig.empty("big_data"));
    private static final LeadPersons COMPANIES = LeadPersons.configured(RecordSchema.companies(),
            MatcherConfig.empty("big_data"));

    @TempDir
    Path dir;
    private final List<String> schemas = new ArrayList<>();
    private DedupApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        schemas.forEach(TestPostgres::dropSchema);
    }

    private Parties start(String database) {
        DatabaseConfig db;
        if (database.equals("h2")) {
            db = DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH");
        } else {
            schemas.add(TestPostgres.createSchema("decisions"));
            db = new DatabaseConfig(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 4, schemas.getLast());
        }
        app = DedupApplication.start(DedupConfig.defaults().withDatabase(db).withTenants(List.of(
                new TenantConfig(ACME.value(), "acme-decisions-key-0001", List.of("email"), null, null, null, null),
                new TenantConfig(GLOBEX.value(), "globex-decisions-key-01", List.of("email"), null, null, null,
                        null))));
        return app.get(Parties.class);
    }

    private static Contact contact(Parties parties, TenantId tenant, String name, String email) {
        Contact contact = new Contact(ContactId.random(), name, List.of(), List.of(Email.of(email)), Map.of());
        parties.addContact(tenant, contact);
        return contact;
    }

    private static Company company(Parties parties, TenantId tenant, String name, String website) {
        Company company = new Company(CompanyId.random(), name, website, List.of(), List.of(), Map.of());
        parties.addCompany(tenant, company);
        return company;
    }

    private static <P extends Party> MergeId merge(PartyMerges<P> merges, TenantId tenant, P survivor, P absorbed) {
        return merges.merge(new PartyMerges.Request(tenant, List.of(survivor.id(), absorbed.id()), survivor.id(),
                Map.of()));
    }

    /** What the tenant decided, as a model read by {@code persons} learns it: each pair's ids, and whether a duplicate. */
    private Map<Set<String>, Boolean> decisions(TenantId tenant, LeadPersons persons) {
        Map<Set<String>, Boolean> labels = new HashMap<>();
        for (LabelledPair pair : app.get(LabelService.class).training(tenant, persons).decisions()) {
            labels.merge(Set.of(pair.pair().first().id(), pair.pair().second().id()), pair.match(),
                    (a, b) -> { throw new AssertionError("the pair " + pair + " counted twice"); });
        }
        return labels;
    }

    private static Set<String> ids(Party first, Party second) {
        return Set.of(first.id().toString(), second.id().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMergeOfTwoContactsGivesADuplicate(String database) {
        Parties parties = start(database);
        Contact maria = contact(parties, ACME, "Maria Lopez", "maria@lopez.es");
        Contact mariaAgain = contact(parties, ACME, "Maria Lopes", "m.lopes@mail.es");

        merge(parties.contacts(), ACME, maria, mariaAgain);

        assertEquals(Map.of(ids(maria, mariaAgain), true), decisions(ACME, PEOPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anUnmergeThatMarksTheContactsGivesADifference(String database) {
        Parties parties = start(database);
        Contact ivan = contact(parties, ACME, "Ivan Petrov", "ivan@petrov.ru");
        Contact olga = contact(parties, ACME, "Olga Petrova", "olga@petrov.ru");

        parties.unmerge(ACME, merge(parties.contacts(), ACME, ivan, olga), AfterUnmerge.MARK_NOT_DUPLICATES);

        assertEquals(Map.of(ids(ivan, olga), false), decisions(ACME, PEOPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anUnmergeThatLeavesTheContactsUnmarkedWithdrawsTheDuplicate(String database) {
        Parties parties = start(database);
        Contact maria = contact(parties, ACME, "Maria Lopez", "maria@lopez.es");
        Contact mariaAgain = contact(parties, ACME, "Maria Lopes", "m.lopes@mail.es");

        parties.unmerge(ACME, merge(parties.contacts(), ACME, maria, mariaAgain), AfterUnmerge.LEAVE_UNMARKED);

        assertEquals(Map.of(), decisions(ACME, PEOPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMergeOfTwoCompaniesTeachesTheCompanyModelAndNotThePeopleModel(String database) {
        Parties parties = start(database);
        Company acme = company(parties, ACME, "Acme Corp", "https://acme.example");
        Company acmeAgain = company(parties, ACME, "ACME Corporation", "acme.example");
        Contact maria = contact(parties, ACME, "Maria Lopez", "maria@lopez.es");
        Contact mariaAgain = contact(parties, ACME, "Maria Lopes", "m.lopes@mail.es");

        merge(parties.companies(), ACME, acme, acmeAgain);
        merge(parties.contacts(), ACME, maria, mariaAgain);

        assertEquals(Map.of(ids(acme, acmeAgain), true), decisions(ACME, COMPANIES));
        assertEquals(Map.of(ids(maria, mariaAgain), true), decisions(ACME, PEOPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anotherTenantsMergesAndUnmergesNeverAppear(String database) {
        Parties parties = start(database);
        Contact maria = contact(parties, GLOBEX, "Maria Lopez", "maria@lopez.es");
        Contact mariaAgain = contact(parties, GLOBEX, "Maria Lopes", "m.lopes@mail.es");
        Contact ivan = contact(parties, GLOBEX, "Ivan Petrov", "ivan@petrov.ru");
        Contact olga = contact(parties, GLOBEX, "Olga Petrova", "olga@petrov.ru");
        Company acme = company(parties, GLOBEX, "Acme Corp", "https://acme.example");
        Company acmeAgain = company(parties, GLOBEX, "ACME Corporation", "acme.example");

        merge(parties.contacts(), GLOBEX, maria, mariaAgain);
        parties.unmerge(GLOBEX, merge(parties.contacts(), GLOBEX, ivan, olga), AfterUnmerge.MARK_NOT_DUPLICATES);
        merge(parties.companies(), GLOBEX, acme, acmeAgain);

        assertEquals(Map.of(), decisions(ACME, PEOPLE));
        assertEquals(Map.of(), decisions(ACME, COMPANIES));
        assertEquals(2, decisions(GLOBEX, PEOPLE).size(), "the other tenant's own decisions are read");
    }
}
