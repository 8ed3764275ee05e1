package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Test;

/** The dry run of a settings change: what would merge over the existing leads, and nothing written. */
class SettingsDryRunTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final SettingsDryRun dryRun = new SettingsDryRun(fixture.leads, fixture.settings, fixture.matchers,
            fixture.indexing);
    private int arrivals;

    /** Stores leads in arrival order, one minute apart. */
    private Lead arrived(LeadBuilder lead) {
        return fixture.stored(lead.createdAt(T0.plus(Duration.ofMinutes(arrivals++))));
    }

    @Test
    void aDryRunOfOtherSettingsReportsWhatWouldMergeAndWritesNothing() {
        fixture.enable(MatchMethod.EMAIL);
        Lead first = arrived(aLead().withEmail("a@x.io").withPhone("+1 415 555 2671"));
        Lead second = arrived(aLead().withEmail("b@x.io").withPhone("(415) 555-2671"));
        arrived(aLead().withEmail("c@x.io"));

        SettingsDryRun.Report withPhones = dryRun.run(TENANT,
                DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE)), 10);

        assertEquals(3, withPhones.leadsChecked());
        assertEquals(1, withPhones.wouldMerge());
        assertEquals(Map.of("phone", 1L), withPhones.byMethod());
        SettingsDryRun.Sample sample = withPhones.samples().getFirst();
        assertEquals(List.of(second.id(), List.of(first.id()), "phone"), List.of(sample.lead(), sample.into(),
                sample.method()));
        assertEquals(3, fixture.leads.count(TENANT), "nothing was merged");
        assertEquals(List.of(), fixture.journal.recent(TENANT, 10));
    }

    @Test
    void aDryRunCountsMergesPerMethodAndExplainsEachSample() {
        DuplicateControlSettings current = fixture.enable(MatchMethod.EMAIL);
        Lead firstByEmail = arrived(aLead().withContactName("Ann Lee").withEmail("ann@x.io"));
        Lead secondByEmail = arrived(aLead().withContactName("Ann Lee").withEmail("ANN@x.io"));
        arrived(aLead().withContactName("Bob Ray").withPhone("+44 20 7946 0958"));
        arrived(aLead().withContactName("Robert Ray").withPhone("+442079460958"));
        arrived(aLead().withContactName("Cy Unique").withEmail("cy@y.io"));

        SettingsDryRun.Report before = dryRun.run(TENANT, current, 10);
        SettingsDryRun.Report after = dryRun.run(TENANT,
                current.withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE)), 10);

        assertEquals(Map.of("email", 1L), before.byMethod());
        assertEquals(Map.of("email", 1L, "phone", 1L), after.byMethod());
        SettingsDryRun.Sample byEmail = sampleOf(after, secondByEmail);
        assertEquals(List.of(firstByEmail.id()), byEmail.into());
        assertEquals(MergeTiming.ON_ARRIVAL, byEmail.timing());
        assertEquals("email", byEmail.candidates().getFirst().explanation().getFirst().field());
    }

    @Test
    void aDryRunWritesNothing() {
        DuplicateControlSettings current = fixture.enable(MatchMethod.EMAIL);
        Lead first = arrived(aLead().withEmail("ann@x.io").withPhone("+442079460958"));
        Lead second = arrived(aLead().withEmail("ann@x.io").withPhone("+442079460958"));

        dryRun.run(TENANT, current.withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE, KommoMethods.BIG_DATA))
                .withAfterMerge(new AfterMerge.CreateTask("call back", Duration.ofHours(1), "sam")), 10);

        assertEquals(2, fixture.leads.count(TENANT));
        assertEquals(first, fixture.reload(first));
        assertEquals(second, fixture.reload(second));
        assertEquals(List.of(), fixture.decisions.recent(TENANT, 10));
        assertEquals(List.of(), fixture.journal.recent(TENANT, 10));
        assertEquals(List.of(), fixture.activities.tasksOf(TENANT, first.id()));
        assertEquals(List.of(), fixture.activities.notesOf(TENANT, first.id()));
        assertEquals(current, fixture.settings.settings(TENANT), "the proposed settings are not saved");
    }

    @Test
    void aDryRunCountsLeadsMatchingMoreThanTheLimitAsNotMerged() {
        DuplicateControlSettings current = fixture.enable(MatchMethod.EMAIL);
        for (int i = 0; i < 5; i++) {
            arrived(aLead().withEmail("same@x.io"));
        }

        SettingsDryRun.Report defaultLimit = dryRun.run(TENANT, current, 10);
        SettingsDryRun.Report limitTwo = dryRun.run(TENANT, current.withMergeLimit(2), 10);

        assertEquals(3, defaultLimit.wouldMerge(), "the 2nd, 3rd and 4th find 1-3 earlier leads");
        assertEquals(1, defaultLimit.wouldSkipOverLimit(), "the 5th finds 4 earlier leads, more than 3");
        assertEquals(2, limitTwo.wouldMerge());
        assertEquals(2, limitTwo.wouldSkipOverLimit());
    }

    @Test
    void aDryRunFollowsTheProposedMultiMatchPolicyAndScope() {
        DuplicateControlSettings current = fixture.enable(MatchMethod.EMAIL);
        Lead support = arrived(aLead().withEmail("same@x.io").inStage(PipelineStage.of("support", "open")));
        Lead sales = arrived(aLead().withEmail("same@x.io"));
        Lead third = arrived(aLead().withEmail("same@x.io"));

        SettingsDryRun.Report newest = dryRun.run(TENANT, current, 10);
        SettingsDryRun.Report createNew = dryRun.run(TENANT,
                current.withMultiMatchPolicy(MultiMatchPolicy.CREATE_NEW), 10);
        SettingsDryRun.Report salesOnly = dryRun.run(TENANT, current.withMultiMatchPolicy(MultiMatchPolicy.CREATE_NEW)
                .withScope(new SearchScope(Map.of("sales", Set.of()))), 10);

        assertEquals(List.of(sales.id()), sampleOf(newest, third).into(), "UPDATE_NEWEST merges into the newest only");
        assertEquals(List.of(support.id()), sampleOf(newest, sales).into());
        assertEquals(1, createNew.wouldMerge(), "the 2nd lead finds one earlier lead");
        assertEquals(1, createNew.keptNewByPolicy(), "the 3rd finds two and CREATE_NEW keeps it new");
        assertEquals(1, salesOnly.wouldMerge(), "only the 3rd finds a lead in the sales pipeline");
        assertEquals(0, salesOnly.keptNewByPolicy());
    }

    @Test
    void aDryRunOfBigDataMergesOtherChannelsAfterAddOnlyWhereAnIncomingLeadsStageIsInvolved() {
        DuplicateControlSettings current = fixture.enable(MatchMethod.EMAIL);
        arrived(aLead().withContactName("Ivan Petrov").inStage(PipelineStage.incoming("sales")));
        Lead withIncoming = arrived(aLead().withContactName("Petrov Ivan"));
        arrived(aLead().withContactName("Olga Sokol").inStage(PipelineStage.of("sales", "won")));
        arrived(aLead().withContactName("Olga Sokol").inStage(PipelineStage.of("sales", "lost")));

        SettingsDryRun.Report report = dryRun.run(TENANT, current.withMethods(Set.of(KommoMethods.BIG_DATA)), 10);

        assertEquals(Map.of("big_data", 1L), report.byMethod());
        assertEquals(MergeTiming.AFTER_ADD, sampleOf(report, withIncoming).timing());
    }

    private static SettingsDryRun.Sample sampleOf(SettingsDryRun.Report report, Lead lead) {
        return report.samples().stream().filter(s -> s.lead().equals(lead.id())).findFirst().orElseThrow();
    }
}
