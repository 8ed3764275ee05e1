package org.dedup.domain.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dedup.domain.model.InvalidRecordException;
import org.junit.jupiter.api.Test;

class SurvivorshipPolicyTest {

    @Test
    void aRuleIsNamedByItsLowerCaseName() {
        for (SurvivorshipRule rule : SurvivorshipPolicy.NAMEABLE) {
            assertEquals(rule, SurvivorshipPolicy.named(SurvivorshipPolicy.nameOf(rule)).defaultRule());
        }
        assertEquals(SurvivorshipRule.MOST_COMPLETE, SurvivorshipPolicy.named(" Most_Complete ").defaultRule());
    }

    @Test
    void anUnknownNameIsRefusedNamingItAndTheKnownOnes() {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class,
                () -> SurvivorshipPolicy.named("union"));

        assertTrue(refused.getMessage().contains("'union'") && refused.getMessage().contains("source_priority"),
                refused.getMessage());
    }
}
