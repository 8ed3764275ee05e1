package org.dedup.ml.training;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.audit.MergeRecord;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.testing.InMemorySearchStores;
import org.dedup.domain.testing.InMemorySettingsStore;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a tenant decided, as labels: merges of each kind, unmerges with and without a mark, marks, per model. */
class TenantDecisionsTest {
    private static final TenantId OTHER = new TenantId("other");
    private static final LeadPersons PEOPLE = LeadPersons.configured(RecordSchema.people(),
            MatcherConfig.empty("big_data"));
    private static final LeadPersons COMPANIES = LeadPersons.configured(RecordSchema.companies(),
            MatcherConfig.empty("big_data"));
    private final Map<TenantId, List<MergeRecord>> journal = new HashMap<>();
    private final MergeHistory history = (tenant, query) -> journal.getOrDefault(tenant, List.of()).reversed().stream()
            .filter(merge -> merge.records() == query.records()).limit(query.page().limit()).toList();
    private final InMemorySearchStores marks = new InMemorySearchStores();
    private final RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
    /** The tenant's stored records as the model reads them. */
    private final Map<RecordRef, PersonRecord> stored = new LinkedHashMap<>();

    private TenantDecisions decisions(LeadPersons persons) {
        return new TenantDecisions(history, marks, standardizer, new InMemorySettingsStore(), persons);
    }

    private void merged(TenantId tenant, RecordKind kind, MergeState state, Object survivor, Object absorbed) {
        journal.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new MergeRecord(MergeId.random(), kind,
                MergeKind.MANUAL, T0, state, ref(survivor), List.of(survivor, absorbed), survivor, List.of()));
    }

    private void store(Contact contact) {
        stored.put(contact.id(), PEOPLE.person(contact, standardizer.contact(contact,
                StandardizationOptions.defaults())));
    }

    private static Company aCompany(String name, String website) {
        return new Company(CompanyId.random(), name, website, List.of(), List.of(), Map.of());
    }

    /** Each labelled pair as its two record ids and whether it is a duplicate. */
    private Map<Set<String>, Boolean> labels(LeadPersons persons, TenantId tenant) {
        Map<Set<String>, Boolean> labels = new HashMap<>();
        for (LabelledPair pair : decisions(persons).pairs(tenant, stored)) {
            labels.merge(Set.of(pair.pair().first().id(), pair.pair().second().id()), pair.match(),
                    (a, b) -> { throw new AssertionError("the pair " + pair + " counted twice"); });
        }
        return labels;
    }

    private static Set<String> ids(Object first, Object second) {
        return Set.of(ref(first).toString(), ref(second).toString());
    }

    private static RecordRef ref(Object record) {
        return record instanceof Lead lead ? lead.id() : ((Party) record).id();
    }

    @Nested
    class AMergeOfTwoContacts {
        private final Contact maria = aContact("Maria Lopez", "maria@lopez.es", "+34 600 111 222");
        private final Contact mariaAgain = aContact("Maria Lopes", "maria.lopez@mail.es", "+34 600 111 222");

        @Test
        void inEffectTeachesADuplicate() {
            merged(TENANT, RecordKind.CONTACT, MergeState.APPLIED, maria, mariaAgain);

            assertEquals(Map.of(ids(maria, mariaAgain), true), labels(PEOPLE, TENANT));
        }

        @Test
        void undoneWithAMarkTeachesADifference() {
            merged(TENANT, RecordKind.CONTACT, MergeState.UNDONE, maria, mariaAgain);
            marks.mark(TENANT, new RecordPair(maria.id(), mariaAgain.id()));
            store(maria);
            store(mariaAgain);

            assertEquals(Map.of(ids(maria, mariaAgain), false), labels(PEOPLE, TENANT));
        }

        @Test
        void undoneWithoutAMarkTeachesNothing() {
            merged(TENANT, RecordKind.CONTACT, MergeState.UNDONE, maria, mariaAgain);
            store(maria);
            store(mariaAgain);

            assertEquals(Map.of(), labels(PEOPLE, TENANT));
        }

        @Test
        void teachesNothingToACompanyModel() {
            merged(TENANT, RecordKind.CONTACT, MergeState.APPLIED, maria, mariaAgain);

            assertEquals(Map.of(), labels(COMPANIES, TENANT));
        }

        @Test
        void ofAnotherTenantIsNeverRead() {
            merged(OTHER, RecordKind.CONTACT, MergeState.APPLIED, maria, mariaAgain);
            merged(OTHER, RecordKind.CONTACT, MergeState.UNDONE, maria, aContact("Ivan Petrov", null, null));
            marks.mark(OTHER, new RecordPair(maria.id(), mariaAgain.id()));
            store(maria);
            store(mariaAgain);

            assertEquals(Map.of(), labels(PEOPLE, TENANT));
        }
    }

    @Nested
    class AMergeOfTwoLeads {
        private final Lead maria = aLead().withContactName("Maria Lopez").build();
        private final Lead mariaAgain = aLead().withContactName("Maria Lopes").build();

        @Test
        void inEffectTeachesAPersonModelADuplicate() {
            merged(TENANT, RecordKind.LEAD, MergeState.APPLIED, maria, mariaAgain);

            assertEquals(Map.of(ids(maria, mariaAgain), true), labels(PEOPLE, TENANT));
        }

        @Test
        void undoneWithAMarkTeachesADifferenceAndWithoutOneNothing() {
            Lead ivan = aLead().withContactName("Ivan Petrov").build();
            Lead olga = aLead().withContactName("Olga Petrova").build();
            merged(TENANT, RecordKind.LEAD, MergeState.UNDONE, maria, mariaAgain);
            merged(TENANT, RecordKind.LEAD, MergeState.UNDONE, ivan, olga);
            marks.mark(TENANT, new RecordPair(ivan.id(), olga.id()));

            assertEquals(Map.of(ids(ivan, olga), false), labels(PEOPLE, TENANT));
        }

        @Test
        void teachesNothingToACompanyModel() {
            merged(TENANT, RecordKind.LEAD, MergeState.APPLIED, maria, mariaAgain);

            assertEquals(Map.of(), labels(COMPANIES, TENANT));
        }
    }

    @Nested
    class AMergeOfTwoCompanies {
        private final Company acme = aCompany("Acme Corp", "https://acme.example");
        private final Company acmeAgain = aCompany("ACME Corporation", "acme.example");

        @Test
        void teachesACompanyModelADuplicateAndAPersonModelNothing() {
            merged(TENANT, RecordKind.COMPANY, MergeState.APPLIED, acme, acmeAgain);

            assertEquals(Map.of(ids(acme, acmeAgain), true), labels(COMPANIES, TENANT));
            assertEquals(Map.of(), labels(PEOPLE, TENANT));
        }
    }

    @Nested
    class AMark {
        private final Contact john = aContact("John Smith", "john@smith.io", null);
        private final Contact otherJohn = aContact("John Smith", "other@x.io", null);

        @Test
        void betweenTwoStoredRecordsTeachesADifference() {
            store(john);
            store(otherJohn);
            marks.mark(TENANT, new RecordPair(john.id(), otherJohn.id()));

            assertEquals(Map.of(ids(john, otherJohn), false), labels(PEOPLE, TENANT));
        }

        @Test
        void betweenRecordsTheModelDoesNotReadTeachesNothing() {
            marks.mark(TENANT, new RecordPair(john.id(), otherJohn.id()));

            assertEquals(Map.of(), labels(PEOPLE, TENANT));
        }

        @Test
        void leftByAnUnmergeCountsOnce() {
            store(john);
            store(otherJohn);
            merged(TENANT, RecordKind.CONTACT, MergeState.UNDONE, john, otherJohn);
            marks.mark(TENANT, new RecordPair(john.id(), otherJohn.id()));

            assertEquals(Map.of(ids(john, otherJohn), false), labels(PEOPLE, TENANT));
        }
    }

    @Test
    void theNewestDecisionAboutAPairIsTheOneLearnt() {
        Contact maria = aContact("Maria Lopez", "maria@lopez.es", null);
        Contact mariaAgain = aContact("Maria Lopes", "maria@lopez.es", null);
        merged(TENANT, RecordKind.CONTACT, MergeState.UNDONE, maria, mariaAgain);
        merged(TENANT, RecordKind.CONTACT, MergeState.APPLIED, maria, mariaAgain);
        marks.mark(TENANT, new RecordPair(maria.id(), mariaAgain.id()));
        store(maria);
        store(mariaAgain);

        assertEquals(Map.of(ids(maria, mariaAgain), true), labels(PEOPLE, TENANT));
    }
}
