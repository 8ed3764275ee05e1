package org.dedup.domain.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherGuard;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.Standardizer;
import org.dedup.domain.store.KeyLocks;

/**
 * The engine on in-memory ports: with stand-in matchers (email, phone, pixel, custom fields, BIG DATA) and a stand-in
 * standardizer for the engine's own tests, or with the matchers and standardizer a module gives to test its own.
 */
public final class DuplicateControlFixture {
    public final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    public final InMemorySettingsStore settings = new InMemorySettingsStore();
    public final InMemoryDecisionLog decisions = new InMemoryDecisionLog();
    public final InMemoryMergeJournal journal = new InMemoryMergeJournal();
    public final InMemoryActivities activities = new InMemoryActivities();
    public final InMemoryTransactor transactor = new InMemoryTransactor();
    public final MutableClock clock = new MutableClock(LeadBuilder.T0.plus(Duration.ofDays(1)));
    public final RecordStandardizer standardizer;
    public final InMemorySearchStores marks = new InMemorySearchStores();
    public final DuplicateControlPorts ports = new DuplicateControlPorts(leads, settings, decisions, journal,
            activities, activities, transactor, transactor, marks);
    public final InstalledMatchers matchers;
    public final DuplicateControl control;
    public final Unmerger unmerger;
    public final InMemoryIndexJobs indexJobs = new InMemoryIndexJobs();
    /** Reindex jobs are due at once: the fixture's settings are not cached. */
    public final LeadIndexing indexing;
    public final TenantSettings tenantSettings;

    /** The stand-in matchers and standardizer, plus {@code extra} matchers, each called on the caller's thread. */
    public DuplicateControlFixture(Matcher... extra) {
        this(new SimpleStandardizer(), standIns(extra), new SameThreadMatcherGuard());
    }

    public DuplicateControlFixture(Standardizer standardizer, List<Matcher> installed, MatcherGuard guard) {
        this.standardizer = new RecordStandardizer(standardizer);
        matchers = new InstalledMatchers(installed, this.standardizer, guard);
        control = new DuplicateControl(ports, matchers, new ConflictMerge(this.standardizer), clock);
        unmerger = new Unmerger(ports.merging(), matchers, clock);
        indexing = new LeadIndexing(leads, settings, indexJobs, matchers, transactor, clock, Duration.ZERO,
                LeadIndexing.PAGE);
        tenantSettings = new TenantSettings(settings, matchers, indexing);
    }

    private static List<Matcher> standIns(Matcher... extra) {
        List<Matcher> all = new ArrayList<>(List.of(SharedFieldMatcher.email(), SharedFieldMatcher.phone(),
                SharedFieldMatcher.pixel(), SharedFieldMatcher.customFields(), new SameNameBigDataMatcher()));
        all.addAll(List.of(extra));
        return all;
    }

    /** Saves the tenant's settings as a person does, then reindexes its leads for the methods they enable. */
    public DuplicateControlSettings configure(DuplicateControlSettings changed) {
        tenantSettings.save(LeadBuilder.TENANT, changed);
        reindexed();
        return changed;
    }

    public DuplicateControlSettings enable(MatchMethod... methods) {
        return configure(DuplicateControlSettings.defaults().withMethods(Set.of(methods)));
    }

    /** Stores a lead as it would be after its own arrival, indexed for the methods its tenant enables. */
    public Lead stored(LeadBuilder builder) {
        Lead lead = builder.build();
        leads.insert(lead, matchers.indexKeys(lead, settings.settings(lead.tenant()), new ArrayList<>()));
        return lead;
    }

    /** Indexes every page of every reindex job due now, as the application's background work does. */
    public void reindexed() {
        while (indexing.indexNextPage()) {
            // one page per call
        }
    }

    /** The engine on these ports, with other key locks (which should lock the fixture's as well). */
    public DuplicateControl controlWithLocks(KeyLocks locks) {
        return new DuplicateControl(new DuplicateControlPorts(leads, settings, decisions, journal, activities,
                activities, transactor, locks, marks), matchers, new ConflictMerge(standardizer), clock);
    }

    public Lead reload(Lead lead) {
        return leads.find(lead.tenant(), lead.id()).orElseThrow();
    }
}
