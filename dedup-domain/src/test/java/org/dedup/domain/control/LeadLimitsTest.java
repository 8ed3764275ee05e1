package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.LeadLimits.LimitExceededException;
import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.LeadBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One lead may carry only so many contacts, emails, phones and pixels: a lead over a limit is refused whole. */
class LeadLimitsTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();

    private static LeadBuilder withPhones(int count) {
        LeadBuilder lead = anIncomingLead().withEmail("trap@x.io");
        for (int i = 0; i < count; i++) {
            lead.withPhone(String.format("+44 20 7%03d %04d", i / 1000, i % 1000 + 1000));
        }
        return lead;
    }

    private static String message(Runnable refused) {
        return assertThrows(LimitExceededException.class, refused::run).getMessage();
    }

    @Test
    void aLeadWithTwoThousandPhonesIsRefusedAndLaterUnrelatedLeadsAreNotAbsorbed() {
        fixture.enable(MatchMethod.EMAIL, MatchMethod.PHONE);
        String refused = message(() -> fixture.control.receive(withPhones(2_000).incoming()));

        assertTrue(refused.contains("limits.phonesPerContact"), refused);
        for (int i = 0; i < 3; i++) {
            Decision later = fixture.control.receive(anIncomingLead().withEmail("later" + i + "@x.io")
                    .withPhone(String.format("+44 20 7000 %04d", 1000 + i * 7)).incoming());
            assertInstanceOf(Decision.Created.class, later, "an unrelated lead is its own lead");
        }
        assertEquals(3, fixture.leads.count(TENANT));
    }

    @Test
    void aLeadAtEveryLimitIsReceived() {
        fixture.enable(MatchMethod.PHONE);
        assertInstanceOf(Decision.Created.class, fixture.control.receive(withPhones(
                LeadLimits.defaults().phonesPerContact()).incoming()));
    }

    @Nested
    class EachLimitIsNamed {
        private final DuplicateControl strict = new DuplicateControl(fixture.ports, fixture.matchers,
                new ConflictMerge(fixture.standardizer), fixture.clock, new LeadLimits(3, 2, 2, 3, 3, 1, 20));

        @Test
        void contactsPerLead() {
            LeadBuilder lead = anIncomingLead().withSecondaryContact(aContact("B", "b@x.io", null))
                    .withSecondaryContact(aContact("C", "c@x.io", null))
                    .withSecondaryContact(aContact("D", "d@x.io", null));
            assertTrue(message(() -> strict.receive(lead.incoming())).contains("4 contacts, more than the limit of 3 "
                    + "(limits.contactsPerLead)"));
        }

        @Test
        void emailsPerContactAndPerLead() {
            assertTrue(message(() -> strict.receive(anIncomingLead().withEmail("a@x.io").withEmail("b@x.io")
                    .withEmail("c@x.io").incoming())).contains("limits.emailsPerContact"));
            assertTrue(message(() -> strict.receive(anIncomingLead().withEmail("a@x.io").withEmail("b@x.io")
                    .withSecondaryContact(aContact("B", "c@x.io", null))
                    .withSecondaryContact(aContact("C", "d@x.io", null)).incoming()))
                    .contains("limits.emailsPerLead"));
        }

        @Test
        void phonesPerContactAndPerLead() {
            assertTrue(message(() -> strict.receive(withPhones(3).incoming())).contains("limits.phonesPerContact"));
            assertTrue(message(() -> strict.receive(withPhones(2)
                    .withSecondaryContact(aContact("B", null, "+44 20 7946 0001"))
                    .withSecondaryContact(aContact("C", null, "+44 20 7946 0002")).incoming()))
                    .contains("limits.phonesPerLead"));
        }

        @Test
        void pixelsPerLead() {
            assertTrue(message(() -> strict.receive(anIncomingLead().withPixel("p1").withPixel("p2").incoming()))
                    .contains("limits.pixelsPerLead"));
        }

        @Test
        void anUpdateOverALimit() {
            Lead stored = fixture.stored(LeadBuilder.aLead().withEmail("a@x.io"));
            Lead changed = LeadBuilder.aLead().withId(stored.id()).withPixel("p1").withPixel("p2").version(1).build();
            assertTrue(message(() -> strict.update(changed)).contains("limits.pixelsPerLead"));
        }
    }

    @Test
    void aLeadOverALimitIsRefusedBeforeItJoinsABatch() {
        fixture.enable(MatchMethod.EMAIL);
        assertThrows(LimitExceededException.class, () -> new ArrivalBatches(fixture.control).admit(new LeadArrival(
                withPhones(11).incoming(), java.util.Optional.empty())));
        assertEquals(0, fixture.leads.count(TENANT));
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt() {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class,
                () -> new LeadLimits(20, 10, 10, 0, 50, 20, 20));
        assertTrue(refused.getMessage().contains("limits.emailsPerLead must be between 1 and 1000, was 0"),
                refused.getMessage());
        assertThrows(InvalidRecordException.class, () -> new LeadLimits(20, 10, 10, 50, 50, 1_001, 20));
        assertThrows(InvalidRecordException.class, () -> new LeadLimits(20, 10, 10, 50, 50, 20, 200));
        assertEquals(new LeadLimits(20, 10, 10, 50, 50, 20, 20), LeadLimits.defaults());
    }
}
