package org.dedup.matchers.builtin;

import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.dedup.domain.control.Decision;
import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.CustomFieldType;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.SameThreadMatcherGuard;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Kommo duplicate-control methods as the built-in matchers implement them, on the real standardizer (the
 * engine's own behaviours are tested in dedup-domain, on stand-ins).
 */
class KommoMethodsTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture(new CreatioCompatibleStandardizer(),
            List.of(new EmailMatcher(), new PhoneMatcher(), new TrackingPixelMatcher(), new CustomFieldMatcher(),
                    new DuplicateRuleMatcher()), new SameThreadMatcherGuard());

    @Nested
    class EmailMethod {
        @Test
        void anEmailOfTheIncomingContactsFindsLeadsWhosePrimaryContactHasIt() {
            fixture.enable(MatchMethod.EMAIL);
            Lead existing = fixture.stored(aLead().withEmail("Jane.Doe@Example.com"));

            Decision decision = fixture.control.receive(anIncomingLead().withContactName("Someone Else")
                    .withSecondaryContact(aContact("Jane", " jane.doe@example.COM", null)).incoming());

            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, decision);
            assertEquals(List.of(existing.id()), merged.mergedInto());
            assertEquals(MatchMethod.EMAIL, merged.method());
            assertEquals("email", merged.candidates().getFirst().explanation().getFirst().field());
        }

        @Test
        void anEmailOnlyOnASecondaryContactOfAStoredLeadDoesNotMatch() {
            fixture.enable(MatchMethod.EMAIL);
            fixture.stored(aLead().withEmail("boss@example.com")
                    .withSecondaryContact(aContact("Jane", "jane@example.com", null)));

            Decision decision = fixture.control.receive(anIncomingLead().withEmail("jane@example.com").incoming());

            assertInstanceOf(Decision.Created.class, decision);
        }
    }

    @Nested
    class PhoneMethod {
        @Test
        void nationalFormatMatchesInternationalFormatInTheTenantRegion() {
            fixture.configure(fixture.enable(MatchMethod.PHONE)
                    .withStandardization(new StandardizationOptions("GB", EmailFolding.NONE)));
            Lead existing = fixture.stored(aLead().withPhone(PhoneType.WORK, "+44 20 7946 0958"));

            Decision decision = fixture.control.receive(anIncomingLead().withPhone(PhoneType.HOME, "(020) 7946 0958")
                    .incoming());

            assertEquals(List.of(existing.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        }

        @Test
        void aDifferentNumberIsNotAMatch() {
            fixture.configure(fixture.enable(MatchMethod.PHONE)
                    .withStandardization(new StandardizationOptions("GB", EmailFolding.NONE)));
            fixture.stored(aLead().withPhone("+44 20 7946 0958"));

            assertInstanceOf(Decision.Created.class,
                    fixture.control.receive(anIncomingLead().withPhone("+44 20 7946 0959").incoming()));
        }
    }

    @Nested
    class PixelMethod {
        @Test
        void aNewChatRequestFindsLeadsWithTheSamePixel() {
            fixture.enable(TrackingPixelMatcher.METHOD);
            Lead existing = fixture.stored(aLead().from(SourceChannel.CHAT).withPixel("px-42"));

            Decision decision = fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withPixel("px-42")
                    .incoming());

            assertEquals(List.of(existing.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        }

        @Test
        void aLeadMergedByPixelGetsAMergeNote() {
            fixture.enable(TrackingPixelMatcher.METHOD);
            Lead existing = fixture.stored(aLead().from(SourceChannel.CHAT).withPixel("px-42"));

            fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withPixel("px-42").incoming());

            assertTrue(fixture.activities.notesOf(LeadBuilder.TENANT, existing.id()).getFirst().text()
                    .contains("found by tracking pixel"));
        }

        @Test
        void webFormRequestsAreNeverMatchedByPixel() {
            fixture.enable(TrackingPixelMatcher.METHOD);
            fixture.stored(aLead().withPixel("px-42"));

            Decision decision = fixture.control.receive(anIncomingLead().from(SourceChannel.WEB_FORM)
                    .withPixel("px-42").incoming());

            assertInstanceOf(Decision.Created.class, decision);
        }

        @Test
        void aStoredWebFormLeadIsNeverFoundByItsPixel() {
            fixture.enable(TrackingPixelMatcher.METHOD);
            fixture.stored(aLead().from(SourceChannel.WEB_FORM).withPixel("px-42"));

            Decision decision = fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withPixel("px-42")
                    .incoming());

            assertInstanceOf(Decision.Created.class, decision);
        }
    }

    @Nested
    class CustomFields {
        private void matchOn(String key, FieldLevel level) {
            fixture.configure(fixture.enable(MatchMethod.CUSTOM_FIELD).withMatchedFields(
                    List.of(new CustomFieldDefinition(key, CustomFieldType.TEXT, level))));
        }

        @Test
        void onlyTextOrNumericFieldsCanBeChosen() {
            assertEquals(CustomFieldType.NUMERIC, CustomFieldType.parse("numeric"));
            InvalidRecordException error = assertThrows(InvalidRecordException.class,
                    () -> CustomFieldType.parse("date"));
            assertTrue(error.getMessage().contains("only TEXT or NUMERIC"), error.getMessage());
        }

        @Test
        void aLeadFieldMatchesByStandardizedValue() {
            matchOn("contract_no", FieldLevel.LEAD);
            Lead existing = fixture.stored(aLead().withLeadField("contract_no", CustomFieldValue.text("AB-1234")));

            Decision decision = fixture.control.receive(anIncomingLead()
                    .withLeadField("contract_no", CustomFieldValue.text("ab 1234")).incoming());

            assertEquals(List.of(existing.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        }

        @Test
        void aNumericFieldMatchesTheSameNumber() {
            fixture.configure(fixture.enable(MatchMethod.CUSTOM_FIELD).withMatchedFields(
                    List.of(new CustomFieldDefinition("inn", CustomFieldType.NUMERIC, FieldLevel.LEAD))));
            Lead existing = fixture.stored(aLead().withLeadField("inn", CustomFieldValue.number("7701.00")));

            Decision decision = fixture.control.receive(anIncomingLead()
                    .withLeadField("inn", new CustomFieldValue.Numeric(new BigDecimal("7701"))).incoming());

            assertEquals(List.of(existing.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        }

        @Test
        void aContactFieldMatchesOnlyWhenTheDuplicatedContactIsThePrimaryContact() {
            matchOn("passport", FieldLevel.CONTACT);
            Lead primaryMatch = fixture.stored(aLead().withContactField("passport", "P-1"));
            fixture.stored(aLead().withSecondaryContact(new org.dedup.domain.model.Contact(
                    org.dedup.domain.model.ContactId.random(), "Other", List.of(), List.of(),
                    Map.of("passport", CustomFieldValue.text("P-2")))));

            Decision first = fixture.control.receive(anIncomingLead().withContactField("passport", "p1").incoming());
            Decision second = fixture.control.receive(anIncomingLead().withContactField("passport", "P-2").incoming());

            assertEquals(List.of(primaryMatch.id()), assertInstanceOf(Decision.Merged.class, first).mergedInto());
            assertInstanceOf(Decision.Created.class, second);
        }
    }

    @Test
    void theTenantsDuplicateRulesAreAMethodToo() {
        fixture.enable(MatchMethod.DUPLICATE_RULE);
        Lead existing = fixture.stored(aLead().withContactName("Ana Silva").withPhone("+1 415 555 2671"));

        Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(anIncomingLead()
                .withContactName("SILVA Ana").withPhone("(415) 555-2671").incoming()));

        assertEquals(List.of(existing.id()), merged.mergedInto());
        assertEquals(MatchMethod.DUPLICATE_RULE, merged.method());
        assertTrue(merged.candidates().getFirst().explanation().getFirst().comparison()
                .contains("Lead: full name and phone"));
    }
}
