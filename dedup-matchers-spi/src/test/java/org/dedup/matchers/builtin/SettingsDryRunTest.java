package org.dedup.matchers.builtin;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.control.DuplicateControlSettings;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.model.Lead;
import org.junit.jupiter.api.Test;

class SettingsDryRunTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();

    @Test
    void aDryRunOfOtherSettingsReportsWhatWouldMergeAndWritesNothing() {
        fixture.enable(MatchMethod.EMAIL);
        Lead first = fixture.stored(aLead().withEmail("a@x.io").withPhone("+1 415 555 2671")
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")));
        Lead second = fixture.stored(aLead().withEmail("b@x.io").withPhone("(415) 555-2671")
                .createdAt(Instant.parse("2026-01-02T00:00:00Z")));
        fixture.stored(aLead().withEmail("c@x.io").createdAt(Instant.parse("2026-01-03T00:00:00Z")));

        SettingsDryRun.Report withPhones = new SettingsDryRun(fixture.leads, fixture.matchers).run(TENANT,
                DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE)),
                List.of(), 10);

        assertEquals(3, withPhones.leadsChecked());
        assertEquals(1, withPhones.wouldMerge());
        assertEquals(Map.of("phone", 1L), withPhones.byMethod());
        assertEquals(List.of(new SettingsDryRun.Sample(second.id(), List.of(first.id()), "phone")), withPhones.samples());
        assertEquals(3, fixture.leads.count(TENANT), "nothing was merged");
        assertEquals(List.of(), fixture.journal.recent(TENANT, 10));
    }
}
