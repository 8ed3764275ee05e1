package org.dedup.bench.duke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Property;
import org.junit.jupiter.api.Test;

class DukeConfigurationTest {
    @Test
    void febrlIsLookedUpByNamesBirthDateAndId() {
        assertEquals(Set.of("GIVEN_NAME", "SURNAME", "DATE_OF_BIRTH", "SOC_SEC_ID"),
                lookup(DukeFebrl.load(OptionalDouble.empty())));
    }

    @Test
    void theTenantIsLookedUpByEmailAndPhone() {
        assertEquals(Set.of("EMAIL", "PHONE"), lookup(DukeConfig.load(DukeTenant.CONFIG)));
    }

    @Test
    void aGivenThresholdReplacesTheConfiguredOne() {
        assertEquals(0.9, DukeFebrl.load(OptionalDouble.empty()).getThreshold(), 1e-12);
        assertEquals(0.7, DukeFebrl.load(OptionalDouble.of(0.7)).getThreshold(), 1e-12);
    }

    private static Set<String> lookup(Configuration config) {
        return config.getLookupProperties().stream().map(Property::getName).collect(Collectors.toSet());
    }
}
