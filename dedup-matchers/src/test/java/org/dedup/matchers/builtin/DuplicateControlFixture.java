package org.dedup.matchers.builtin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.testing.InMemoryActivities;
import org.dedup.domain.testing.InMemoryDecisionLog;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.dedup.domain.testing.InMemorySearchStores;
import org.dedup.domain.testing.InMemorySettingsStore;
import org.dedup.domain.testing.InMemoryTransactor;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.MutableClock;
import org.dedup.matchers.runtime.TimeBudgetMatcherGuard;
import org.dedup.standardization.CreatioCompatibleStandardizer;

/** The engine with every built-in matcher, a stand-in BIG DATA matcher and in-memory ports. */
final class DuplicateControlFixture {
    final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    final InMemorySettingsStore settings = new InMemorySettingsStore();
    final InMemoryDecisionLog decisions = new InMemoryDecisionLog();
    final InMemoryMergeJournal journal = new InMemoryMergeJournal();
    final InMemoryActivities activities = new InMemoryActivities();
    final InMemoryTransactor transactor = new InMemoryTransactor();
    final MutableClock clock = new MutableClock(LeadBuilder.T0.plus(Duration.ofDays(1)));
    final RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
    final InMemorySearchStores marks = new InMemorySearchStores();
    final DuplicateControlPorts ports = new DuplicateControlPorts(leads, settings, decisions, journal, activities,
            activities, transactor, transactor, marks);
    final InstalledMatchers matchers;
    final DuplicateControl control;
    final Unmerger unmerger;

    DuplicateControlFixture(Matcher... extra) {
        List<Matcher> all = new ArrayList<>(List.of(new EmailMatcher(), new PhoneMatcher(), new TrackingPixelMatcher(),
                new CustomFieldMatcher(), new DuplicateRuleMatcher(), new SameNameBigDataMatcher()));
        all.addAll(List.of(extra));
        matchers = new InstalledMatchers(all, standardizer, new TimeBudgetMatcherGuard(Duration.ofMillis(300)));
        control = new DuplicateControl(ports, matchers, new ConflictMerge(standardizer), clock);
        unmerger = new Unmerger(ports.merging(), matchers, clock);
    }

    DuplicateControlSettings configure(DuplicateControlSettings changed) {
        settings.saveSettings(LeadBuilder.TENANT, changed);
        return changed;
    }

    DuplicateControlSettings enable(MatchMethod... methods) {
        return configure(DuplicateControlSettings.defaults().withMethods(Set.of(methods)));
    }

    /** Stores a lead as it would be after its own arrival, indexed by every matcher. */
    Lead stored(LeadBuilder builder) {
        Lead lead = builder.build();
        var options = settings.settings(lead.tenant()).standardization();
        leads.insert(lead, matchers.indexKeys(matchers.profile(lead, options), new ArrayList<>()));
        return lead;
    }

    /** The engine on these ports, with other key locks (which should lock the fixture's as well). */
    DuplicateControl controlWithLocks(KeyLocks locks) {
        return new DuplicateControl(new DuplicateControlPorts(leads, settings, decisions, journal, activities,
                activities, transactor, locks, marks), matchers, new ConflictMerge(standardizer), clock);
    }

    Lead reload(Lead lead) {
        return leads.find(lead.tenant(), lead.id()).orElseThrow();
    }
}
