package org.dedup.bench.duke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import no.priv.garshol.duke.DukeConfigException;
import org.junit.jupiter.api.Test;

class CleanersTest {
    @Test
    void nationalAndInternationalSpellingsOfAPhoneAreEqual() {
        ChainCleaner phone = new ChainCleaner();
        phone.setCleaners("no.priv.garshol.duke.cleaners.PhoneNumberCleaner " + NationalNumberCleaner.class.getName());
        assertEquals("2015551234", phone.clean("+1 201 555 1234"));
        assertEquals("2015551234", phone.clean("(201) 555-1234"));
        assertEquals("2015551234", phone.clean("+12015551234"));
    }

    @Test
    void familyCommaGivenAndGivenFamilyAreTheSameName() {
        ChainCleaner name = new ChainCleaner();
        name.setCleaners("no.priv.garshol.duke.cleaners.FamilyCommaGivenCleaner "
                + "no.priv.garshol.duke.cleaners.PersonNameCleaner");
        assertEquals(name.clean("José García"), name.clean("García, José"));
    }

    @Test
    void anUnknownCleanerIsAConfigurationError() {
        assertThrows(DukeConfigException.class, () -> new ChainCleaner().setCleaners("no.such.Cleaner"));
    }
}
