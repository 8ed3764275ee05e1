package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.activity.Task;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.LeadUpdate;
import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.CustomFieldType;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every behaviour of the Kommo duplicate-control spec but the methods themselves (dedup-matchers tests the built-ins). */
class KommoDuplicateControlTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();

    private static List<String> emailsOf(Lead lead) {
        return lead.primaryContact().orElseThrow().emails().stream().map(Email::address).toList();
    }

    @Test
    void onlyLeadsInTheChosenPipelinesAndStagesTakePart() {
        fixture.configure(fixture.enable(MatchMethod.EMAIL)
                .withScope(new SearchScope(Map.of("sales", Set.of("qualified"), "support", Set.of()))));
        Lead inScope = fixture.stored(aLead().withEmail("a@x.io").inStage(PipelineStage.of("sales", "qualified")));
        Lead wholePipeline = fixture.stored(aLead().withEmail("b@x.io").inStage(PipelineStage.of("support", "any")));
        fixture.stored(aLead().withEmail("c@x.io").inStage(PipelineStage.of("sales", "won")));
        fixture.stored(aLead().withEmail("d@x.io").inStage(PipelineStage.of("partners", "qualified")));

        assertEquals(List.of(inScope.id()), mergedInto(anIncomingLead().withEmail("a@x.io")));
        assertEquals(List.of(wholePipeline.id()), mergedInto(anIncomingLead().withEmail("b@x.io")));
        assertInstanceOf(Decision.Created.class, fixture.control.receive(anIncomingLead().withEmail("c@x.io").incoming()));
        assertInstanceOf(Decision.Created.class, fixture.control.receive(anIncomingLead().withEmail("d@x.io").incoming()));
    }

    private List<org.dedup.domain.model.LeadId> mergedInto(org.dedup.domain.testing.LeadBuilder incoming) {
        return assertInstanceOf(Decision.Merged.class, fixture.control.receive(incoming.incoming())).mergedInto();
    }

    @Nested
    class ConflictPolicies {
        @Test
        void updateExistingWritesTheIncomingPhonesAndEmailsIntoTheExistingLead() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL).withConflictPolicy(ConflictPolicy.UPDATE_EXISTING));
            Lead existing = fixture.stored(aLead().withEmail("jane@x.io").withPhone("+1 415 555 2671"));

            fixture.control.receive(anIncomingLead().withEmail("jane@x.io").withEmail("jane.doe@work.io")
                    .withPhone("+1 415 555 2672").incoming());

            Lead after = fixture.reload(existing);
            assertEquals(List.of("jane@x.io", "jane.doe@work.io"), emailsOf(after));
            assertEquals(2, after.primaryContact().orElseThrow().phones().size());
            assertEquals(existing.version() + 1, after.version());
        }

        @Test
        void keepExistingChangesNoExistingValue() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL).withConflictPolicy(ConflictPolicy.KEEP_EXISTING));
            Lead existing = fixture.stored(aLead().withEmail("jane@x.io").withPhone("+1 415 555 2671")
                    .withLeadField("budget", CustomFieldValue.text("100")));

            fixture.control.receive(anIncomingLead().withEmail("jane@x.io").withEmail("other@x.io")
                    .withPhone("+1 415 555 2672").withLeadField("budget", CustomFieldValue.text("900"))
                    .withLeadField("city", CustomFieldValue.text("Oslo")).incoming());

            Lead after = fixture.reload(existing);
            assertEquals(existing.primaryContact(), after.primaryContact());
            assertEquals(CustomFieldValue.text("100"), after.customFields().get("budget"));
            assertEquals(CustomFieldValue.text("Oslo"), after.customFields().get("city"), "empty fields are filled");
        }
    }

    @Nested
    class IncomingContacts {
        private Lead existing;

        private Lead afterMerging(org.dedup.domain.testing.LeadBuilder incoming) {
            assertInstanceOf(Decision.Merged.class, fixture.control.receive(incoming.incoming()));
            return fixture.reload(existing);
        }

        private Contact contactNamed(Lead lead, String name) {
            return lead.contacts().stream().map(LinkedContact::contact).filter(c -> c.fullName().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not a contact of the lead"));
        }

        @Test
        void anIncomingSecondaryContactIsLinkedAsASecondaryContactNotWrittenOntoThePrimary() {
            fixture.enable(MatchMethod.EMAIL);
            existing = fixture.stored(aLead().withContactName("Alice Ames").withEmail("alice@x.io"));

            Lead after = afterMerging(anIncomingLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withSecondaryContact(aContact("Bob Burns", "bob@y.io", "+1 415 555 2671")));

            assertEquals(List.of("alice@x.io"), emailsOf(after));
            assertEquals(List.of(), after.primaryContact().orElseThrow().phones());
            LinkedContact bob = after.contacts().get(1);
            assertEquals(ContactRole.SECONDARY, bob.role());
            assertEquals("Bob Burns", bob.contact().fullName());
            assertEquals(List.of(Email.of("bob@y.io")), bob.contact().emails());
        }

        @Test
        void aLaterLeadFromTheSecondaryPersonIsNotMergedIntoTheLead() {
            fixture.enable(MatchMethod.EMAIL, MatchMethod.PHONE);
            existing = fixture.stored(aLead().withContactName("Alice Ames").withEmail("alice@x.io"));
            afterMerging(anIncomingLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withSecondaryContact(aContact("Bob Burns", "bob@y.io", "+1 415 555 2671")));

            Decision later = fixture.control.receive(anIncomingLead().withContactName("Bob Burns")
                    .withEmail("bob@y.io").withPhone("+1 415 555 2671").incoming());

            assertInstanceOf(Decision.Created.class, later,
                    "Bob is a secondary contact of Alice's lead: the email and phone methods match primary contacts only");
        }

        @Test
        void anIncomingContactSharingAnEmailWithAStoredSecondaryContactUpdatesThatContact() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL).withConflictPolicy(ConflictPolicy.UPDATE_EXISTING));
            existing = fixture.stored(aLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withSecondaryContact(aContact("Bob Burns", "bob@y.io", null)));

            Lead after = afterMerging(anIncomingLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withSecondaryContact(aContact("Robert Burns", "BOB@y.io", "+1 415 555 2671")));

            assertEquals(2, after.contacts().size(), "no third contact: the incoming one is Bob");
            assertEquals(List.of("+1 415 555 2671"),
                    contactNamed(after, "Bob Burns").phones().stream().map(Phone::number).toList());
            assertEquals(List.of(), after.primaryContact().orElseThrow().phones());
        }

        @Test
        void anIncomingContactSharingAPhoneIsTheSameContact() {
            fixture.enable(MatchMethod.PHONE);
            existing = fixture.stored(aLead().withContactName("Alice Ames").withPhone("+1 415 555 2670")
                    .withSecondaryContact(aContact("Bob Burns", null, "+1 415 555 2671")));

            Lead after = afterMerging(anIncomingLead().withContactName("Alice Ames").withPhone("+1 415 555 2670")
                    .withSecondaryContact(aContact("B. Burns", "bob@y.io", "(415) 555-2671")));

            assertEquals(2, after.contacts().size());
            assertEquals(List.of(Email.of("bob@y.io")), contactNamed(after, "Bob Burns").emails());
        }

        @Test
        void anIncomingContactWithTheSameNameIsTheSameContact() {
            fixture.enable(MatchMethod.EMAIL);
            existing = fixture.stored(aLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withSecondaryContact(aContact("Bob Burns", null, null)));

            Lead after = afterMerging(anIncomingLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withSecondaryContact(aContact("burns bob", "bob@y.io", null)));

            assertEquals(2, after.contacts().size());
            assertEquals(List.of(Email.of("bob@y.io")), contactNamed(after, "Bob Burns").emails());
        }

        @Test
        void keepExistingStillLinksANewContactButChangesNoStoredOne() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL).withConflictPolicy(ConflictPolicy.KEEP_EXISTING));
            existing = fixture.stored(aLead().withContactName("Alice Ames").withEmail("alice@x.io"));

            Lead after = afterMerging(anIncomingLead().withContactName("Alice Ames").withEmail("alice@x.io")
                    .withEmail("alice@home.io").withSecondaryContact(aContact("Bob Burns", "bob@y.io", null)));

            assertEquals(existing.primaryContact(), after.primaryContact());
            assertEquals(List.of(Email.of("bob@y.io")), contactNamed(after, "Bob Burns").emails());
        }

        @Test
        void incomingCompaniesAreKeptAndLinked() {
            fixture.enable(MatchMethod.EMAIL);
            existing = fixture.stored(aLead().withEmail("alice@x.io").withCompany("Acme Ltd", "acme.com"));

            Lead after = afterMerging(anIncomingLead().withEmail("alice@x.io").withCompany("ACME ltd.", "")
                    .withCompany("Globex", "globex.com"));

            assertEquals(List.of("Acme Ltd", "Globex"), after.companies().stream().map(Company::name).toList());
            assertEquals(existing.companies().getFirst(), after.companies().getFirst());
        }

        @Test
        void unmergeUnlinksTheContactsAndCompaniesTheMergeLinked() {
            fixture.enable(MatchMethod.EMAIL);
            existing = fixture.stored(aLead().withEmail("alice@x.io"));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(anIncomingLead()
                    .withEmail("alice@x.io").withSecondaryContact(aContact("Bob Burns", "bob@y.io", null))
                    .withCompany("Globex", "globex.com").incoming()));

            fixture.unmerger.unmerge(TENANT, merged.merges().getFirst());

            Lead restored = fixture.reload(existing);
            assertEquals(existing.contacts(), restored.contacts());
            assertEquals(existing.companies(), restored.companies());
        }
    }

    @Nested
    class TwoOrThreeMatches {
        private Lead older;
        private Lead newer;

        private void twoStoredDuplicates(MultiMatchPolicy policy) {
            fixture.configure(fixture.enable(MatchMethod.EMAIL, MatchMethod.PHONE).withMultiMatchPolicy(policy));
            older = fixture.stored(aLead().withEmail("jane@x.io").createdAt(org.dedup.domain.testing.LeadBuilder.T0));
            newer = fixture.stored(aLead().withPhone("+1 415 555 2671").createdAt(org.dedup.domain.testing.LeadBuilder.T0.plusSeconds(60)));
        }

        private Decision arrive() {
            return fixture.control.receive(anIncomingLead().withEmail("jane@x.io").withPhone("(415) 555-2671")
                    .incoming());
        }

        @Test
        void updateAllUpdatesEveryDuplicate() {
            twoStoredDuplicates(MultiMatchPolicy.UPDATE_ALL);
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, arrive());
            assertEquals(Set.of(older.id(), newer.id()), Set.copyOf(merged.mergedInto()));
            assertEquals(2, merged.merges().size());
            assertEquals(2, fixture.leads.count(TENANT));
        }

        @Test
        void updateNewestUpdatesOnlyTheLatestCreatedDuplicate() {
            twoStoredDuplicates(MultiMatchPolicy.UPDATE_NEWEST);
            assertEquals(List.of(newer.id()), assertInstanceOf(Decision.Merged.class, arrive()).mergedInto());
            assertEquals(older, fixture.reload(older));
        }

        @Test
        void createNewCreatesANewLead() {
            twoStoredDuplicates(MultiMatchPolicy.CREATE_NEW);
            Decision.Created created = assertInstanceOf(Decision.Created.class, arrive());
            assertEquals(2, created.candidates().size());
            assertEquals(3, fixture.leads.count(TENANT));
        }
    }

    @Nested
    class MoreThanTheLimit {
        @Test
        void moreThanThreeDuplicatesAreNotMerged() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL).withMultiMatchPolicy(MultiMatchPolicy.UPDATE_ALL));
            List<Lead> stored = List.of(1, 2, 3, 4).stream()
                    .map(i -> fixture.stored(aLead().withEmail("jane@x.io"))).toList();

            Decision decision = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

            Decision.SkippedTooManyMatches skipped = assertInstanceOf(Decision.SkippedTooManyMatches.class, decision);
            assertEquals(4, skipped.candidates().size(), "candidates are kept for review");
            assertEquals(5, fixture.leads.count(TENANT), "the lead is created as new");
            stored.forEach(lead -> assertEquals(lead, fixture.reload(lead)));
        }

        @Test
        void theMergeLimitIsASetting() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL).withMergeLimit(5)
                    .withMultiMatchPolicy(MultiMatchPolicy.UPDATE_ALL));
            List.of(1, 2, 3, 4).forEach(i -> fixture.stored(aLead().withEmail("jane@x.io")));

            Decision.Merged merged = assertInstanceOf(Decision.Merged.class,
                    fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming()));
            assertEquals(4, merged.mergedInto().size());
        }
    }

    @Test
    void afterMergingATaskIsCreatedInEachLeadFound() {
        fixture.configure(fixture.enable(MatchMethod.EMAIL).withMultiMatchPolicy(MultiMatchPolicy.UPDATE_ALL)
                .withAfterMerge(new AfterMerge.CreateTask("Call the client back", Duration.ofHours(4), "manager-7")));
        Lead first = fixture.stored(aLead().withEmail("jane@x.io"));
        Lead second = fixture.stored(aLead().withEmail("jane@x.io"));

        fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

        for (Lead lead : List.of(first, second)) {
            List<Task> tasks = fixture.activities.tasksOf(TENANT, lead.id());
            assertEquals(1, tasks.size());
            assertEquals("Call the client back", tasks.getFirst().text());
            assertEquals("manager-7", tasks.getFirst().responsible());
            assertEquals(fixture.clock.instant().plus(Duration.ofHours(4)), tasks.getFirst().due());
        }
    }

    @Test
    void noTaskIsCreatedWhenMoreLeadsMatchThanTheLimit() {
        fixture.configure(fixture.enable(MatchMethod.EMAIL)
                .withAfterMerge(new AfterMerge.CreateTask("Call the client back", Duration.ofHours(4), "manager-7")));
        List<Lead> stored = List.of(1, 2, 3, 4).stream()
                .map(i -> fixture.stored(aLead().withEmail("jane@x.io"))).toList();

        Decision decision = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

        assertInstanceOf(Decision.SkippedTooManyMatches.class, decision);
        stored.forEach(lead -> assertTrue(fixture.activities.tasksOf(TENANT, lead.id()).isEmpty()));
        assertTrue(fixture.activities.tasksOf(TENANT, decision.lead()).isEmpty());
    }

    @Test
    void noTaskIsCreatedWhenTheOptionIsOff() {
        fixture.enable(MatchMethod.EMAIL);
        Lead lead = fixture.stored(aLead().withEmail("jane@x.io"));
        fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());
        assertTrue(fixture.activities.tasksOf(TENANT, lead.id()).isEmpty());
    }

    @Nested
    class MergeNotes {
        @Test
        void aMergeNoteIsAddedForPixelMerges() {
            fixture.enable(KommoMethods.TRACKING_PIXEL);
            Lead lead = fixture.stored(aLead().from(SourceChannel.CHAT).withPixel("px-1"));
            fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withPixel("px-1").incoming());
            assertEquals(1, fixture.activities.notesOf(TENANT, lead.id()).size());
        }

        @Test
        void aMergeNoteIsAddedForBigDataMerges() {
            fixture.enable(KommoMethods.BIG_DATA);
            Lead lead = fixture.stored(aLead().withContactName("Maria Lopez").inStage(PipelineStage.incoming("sales")));
            fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withContactName("Lopez Maria").incoming());
            assertTrue(fixture.activities.notesOf(TENANT, lead.id()).getFirst().text().contains("big data"));
        }

        @Test
        void aLeadFoundByPixelGetsTheMergeNoteEvenWhenItsEmailMatchesToo() {
            fixture.enable(MatchMethod.EMAIL, KommoMethods.TRACKING_PIXEL);
            Lead lead = fixture.stored(aLead().from(SourceChannel.CHAT).withEmail("jane@x.io").withPixel("px-1"));
            fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withEmail("jane@x.io")
                    .withPixel("px-1").incoming());
            assertTrue(fixture.activities.notesOf(TENANT, lead.id()).getFirst().text().contains("tracking pixel"));
        }

        @Test
        void onlyTheLeadsMergedByPixelGetTheMergeNote() {
            fixture.configure(fixture.enable(MatchMethod.EMAIL, KommoMethods.TRACKING_PIXEL)
                    .withMultiMatchPolicy(MultiMatchPolicy.UPDATE_ALL));
            Lead byPixel = fixture.stored(aLead().from(SourceChannel.CHAT).withPixel("px-1"));
            Lead byEmail = fixture.stored(aLead().withEmail("jane@x.io"));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(
                    anIncomingLead().from(SourceChannel.CHAT).withEmail("jane@x.io").withPixel("px-1").incoming()));
            assertEquals(Set.of(byPixel.id(), byEmail.id()), Set.copyOf(merged.mergedInto()));
            assertEquals(1, fixture.activities.notesOf(TENANT, byPixel.id()).size());
            assertTrue(fixture.activities.notesOf(TENANT, byEmail.id()).isEmpty());
        }

        @Test
        void noMergeNoteIsAddedForEmailPhoneOrFieldMerges() {
            fixture.enable(MatchMethod.EMAIL, MatchMethod.PHONE);
            Lead lead = fixture.stored(aLead().withEmail("jane@x.io"));
            fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());
            assertTrue(fixture.activities.notesOf(TENANT, lead.id()).isEmpty());
        }
    }

    @Nested
    class BigDataTiming {
        private Lead existingIn(PipelineStage stage) {
            fixture.enable(KommoMethods.BIG_DATA);
            return fixture.stored(aLead().withContactName("Ivan Petrov").inStage(stage));
        }

        @Test
        void chatRequestsAreMergedOnArrival() {
            Lead existing = existingIn(PipelineStage.incoming("sales"));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(
                    anIncomingLead().from(SourceChannel.CHAT).withContactName("Petrov Ivan").incoming()));
            assertEquals(MergeTiming.ON_ARRIVAL, merged.timing());
            assertEquals(List.of(existing.id()), merged.mergedInto());
            assertEquals(1, fixture.leads.count(TENANT));
        }

        @Test
        void otherChannelsAreCheckedRightAfterTheLeadIsAdded() {
            Lead existing = existingIn(PipelineStage.incoming("sales"));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(
                    anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov").incoming()));
            assertEquals(MergeTiming.AFTER_ADD, merged.timing());
            assertEquals(List.of(existing.id()), merged.mergedInto());
            assertEquals(1, fixture.leads.count(TENANT), "the added lead was merged away");
            assertEquals(1, fixture.journal.recent(TENANT, 10).getFirst().absorbed().size());
        }

        @Test
        void theCheckRightAfterAnAddIsRecordedWithWhoSentTheLead() {
            existingIn(PipelineStage.incoming("sales"));
            fixture.control.receive(new LeadArrival(anIncomingLead().from(SourceChannel.WEB_FORM)
                    .withContactName("Ivan Petrov").incoming(), Optional.empty()).by("web-form@acme"));

            DecisionLog.Recording afterAdd = fixture.decisions.recordings(TENANT).getLast();
            assertEquals(MergeTiming.AFTER_ADD, assertInstanceOf(Decision.Merged.class, afterAdd.decision()).timing());
            assertEquals(Optional.of("web-form@acme"), afterAdd.actor());
        }

        @Test
        void theCheckAfterAnUpdateIsRecordedWithWhoSentTheUpdate() {
            fixture.enable(KommoMethods.BIG_DATA);
            fixture.stored(aLead().withContactName("Ivan Petrov").inStage(PipelineStage.incoming("sales")));
            Lead other = fixture.stored(aLead().withContactName("Olga Petrova")
                    .inStage(PipelineStage.of("sales", "qualified")));
            Lead unrelated = fixture.stored(aLead().withContactName("Anna Berg"));

            fixture.control.update(LeadUpdate.of(other.id(), anIncomingLead().withContactName("Petrov Ivan")
                    .incoming()).by("crm-sync"));
            fixture.control.update(LeadUpdate.of(unrelated.id(), anIncomingLead().withContactName("Anna Berg")
                    .incoming()).ifAt(unrelated.version()).by("ana@acme"));

            List<DecisionLog.Recording> recorded = fixture.decisions.recordings(TENANT);
            DecisionLog.Recording merged = recorded.get(recorded.size() - 2);
            assertEquals(MergeTiming.ON_UPDATE, assertInstanceOf(Decision.Merged.class, merged.decision()).timing());
            assertEquals(Optional.of("crm-sync"), merged.actor());
            assertInstanceOf(Decision.Updated.class, recorded.getLast().decision());
            assertEquals(Optional.of("ana@acme"), recorded.getLast().actor());
        }

        @Test
        void aMergeHappensOnlyIfOneOfTheDuplicatesIsInTheIncomingLeadsStage() {
            existingIn(PipelineStage.of("sales", "negotiation"));
            Decision decision = fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT)
                    .inStage(PipelineStage.of("sales", "qualified")).withContactName("Ivan Petrov").incoming());
            assertInstanceOf(Decision.Created.class, decision);
            assertEquals(2, fixture.leads.count(TENANT));
        }

        @Test
        void anIncomingLeadInTheIncomingStageIsEnoughToMerge() {
            existingIn(PipelineStage.of("sales", "negotiation"));
            Decision decision = fixture.control.receive(anIncomingLead().from(SourceChannel.EMAIL)
                    .inStage(PipelineStage.incoming("sales")).withContactName("Ivan Petrov").incoming());
            assertInstanceOf(Decision.Merged.class, decision);
        }

        @Test
        void anUpdateMergesNothingWhenNeitherLeadIsInTheIncomingLeadsStage() {
            fixture.enable(KommoMethods.BIG_DATA);
            Lead existing = fixture.stored(aLead().withContactName("Ivan Petrov")
                    .inStage(PipelineStage.of("sales", "negotiation")));
            Lead other = fixture.stored(aLead().withContactName("Olga Petrova")
                    .inStage(PipelineStage.of("sales", "qualified")));

            Lead renamed = other.withContacts(List.of(new org.dedup.domain.model.LinkedContact(
                    other.primaryContact().orElseThrow().withFullName("Petrov Ivan"),
                    org.dedup.domain.model.ContactRole.PRIMARY))).touched(fixture.clock.instant());
            Decision decision = fixture.control.update(renamed);

            assertInstanceOf(Decision.Updated.class, decision);
            assertEquals(existing, fixture.reload(existing));
            assertEquals("Petrov Ivan", fixture.reload(other).primaryContact().orElseThrow().fullName());
        }

        @Test
        void anUpdateTriggersTheCheckAgainUnderTheSameCondition() {
            fixture.enable(KommoMethods.BIG_DATA);
            Lead existing = fixture.stored(aLead().withContactName("Ivan Petrov")
                    .inStage(PipelineStage.incoming("sales")));
            Lead other = fixture.stored(aLead().withContactName("Olga Petrova")
                    .inStage(PipelineStage.of("sales", "qualified")));

            Lead renamed = other.withContacts(List.of(new org.dedup.domain.model.LinkedContact(
                    other.primaryContact().orElseThrow().withFullName("Petrov Ivan"),
                    org.dedup.domain.model.ContactRole.PRIMARY))).touched(fixture.clock.instant());
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.update(renamed));

            assertEquals(MergeTiming.ON_UPDATE, merged.timing());
            assertEquals(List.of(existing.id()), merged.mergedInto());
        }
    }

    @Test
    void leadsOfAnotherTenantAreNeverMatched() {
        fixture.enable(MatchMethod.EMAIL);
        fixture.stored(aLead().in(new TenantId("globex")).withEmail("jane@x.io"));
        assertInstanceOf(Decision.Created.class,
                fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming()));
    }
}
