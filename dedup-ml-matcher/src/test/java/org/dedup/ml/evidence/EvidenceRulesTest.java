package org.dedup.ml.evidence;

import java.util.Optional;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.Persons.aPerson;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EvidenceRulesTest {
    private final EvidenceRules rules = new EvidenceRules(RecordSchema.people());

    @Nested
    class NeverMergedAutomatically {
        @Test
        void namesakesWithDifferentEmails() {
            assertEquals(Optional.of(EvidenceRules.Rule.NAMESAKES_WITH_DIFFERENT_EMAILS), rules.broken(
                    aPerson("a").named("john", "smith").withEmail("john.smith@acme.com").build(),
                    aPerson("b").named("john", "smith").withEmail("jsmith@other.org").build()));
        }

        @Test
        void namesakesSharingOnlyAnEmailDomainEvenAGenericOne() {
            assertEquals(Optional.of(EvidenceRules.Rule.NAMESAKES_WITH_DIFFERENT_EMAILS), rules.broken(
                    aPerson("a").named("maria", "garcia").withEmail("maria.garcia@gmail.com").build(),
                    aPerson("b").named("maria", "garcia").withEmail("mgarcia77@gmail.com").build()));
        }

        @Test
        void namesakesWithNothingButTheName() {
            assertEquals(Optional.of(EvidenceRules.Rule.NOTHING_BEYOND_THE_NAME), rules.broken(
                    aPerson("a").named("john", "smith").build(), aPerson("b").named("john", "smith").build()));
        }

        @Test
        void householdMembersSharingSurnameAndPhone() {
            assertEquals(Optional.of(EvidenceRules.Rule.HOUSEHOLD_MEMBERS), rules.broken(
                    aPerson("a").named("anna", "kowalski").withPhone("+48221234567").build(),
                    aPerson("b").named("piotr", "kowalski").withPhone("+48221234567").build()));
        }

        @Test
        void parentAndChildWithTheSameNameAndAnotherDateOfBirth() {
            assertEquals(Optional.of(EvidenceRules.Rule.PARENT_AND_CHILD), rules.broken(
                    aPerson("a").named("james", "miller").with(Attribute.DATE_OF_BIRTH, "19580312")
                            .withPhone("+15551234567").build(),
                    aPerson("b").named("james", "miller").with(Attribute.DATE_OF_BIRTH, "19890704")
                            .withPhone("+15551234567").build()));
        }
    }

    @Nested
    class MayBeMerged {
        @Test
        void theSamePersonWithASharedEmail() {
            assertEquals(Optional.empty(), rules.broken(
                    aPerson("a").named("john", "smith").withEmail("john.smith@acme.com").build(),
                    aPerson("b").named("jon", "smith").withEmail("john.smith@acme.com").build()));
        }

        @Test
        void theSamePersonWithATypoInTheDateOfBirthAndTheSameIdentityNumber() {
            assertEquals(Optional.empty(), rules.broken(
                    aPerson("a").named("james", "miller").with(Attribute.DATE_OF_BIRTH, "19580312")
                            .with(Attribute.ID_NUMBER, "4821934").build(),
                    aPerson("b").named("james", "miller").with(Attribute.DATE_OF_BIRTH, "19850312")
                            .with(Attribute.ID_NUMBER, "4821934").build()));
        }

        @Test
        void theSamePersonAtTheSameAddress() {
            assertEquals(Optional.empty(), rules.broken(
                    aPerson("a").named("sarah", "bruhn").with(Attribute.ADDRESS_1, "12 high street").build(),
                    aPerson("b").named("sarah", "bruhn").with(Attribute.ADDRESS_1, "12 high st").build()));
        }
    }
}
