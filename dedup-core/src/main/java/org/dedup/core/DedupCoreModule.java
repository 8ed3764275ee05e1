package org.dedup.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.event.PublishingDecisionLog;
import org.dedup.domain.event.PublishingMergeJournal;
import org.dedup.domain.event.PublishingPartyMergeJournal;
import org.dedup.domain.event.PublishingScanJobStore;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.event.Webhooks;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherGuard;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.Merges;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.party.CompanyKind;
import org.dedup.domain.party.ContactControl;
import org.dedup.domain.party.ContactKind;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMergeJournal;
import org.dedup.domain.party.PartyMerges;
import org.dedup.domain.review.RecordMerges;
import org.dedup.domain.review.ReviewQueue;
import org.dedup.domain.review.ReviewStore;
import org.dedup.domain.review.ReviewingDecisionLog;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.domain.search.SpillingBulkSearch;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.dedup.matchers.runtime.TimeBudgetMatcherGuard;

/**
 * The engine: duplicate control, merging and unmerging over whatever adapters the other modules bind. A hosting
 * application migrates dedup's schema once, then writes {@code Guice.createInjector(new DedupCoreModule(),
 * new JooqPersistenceModule(dataSource, dialect, schema), new StandardizationModule(),
 * new MatchersModule(pluginsDir, configs))}.
 */
public final class DedupCoreModule extends AbstractModule {
    private final LeadLimits limits;
    private final Duration scanLease;

    /** The engine with the {@linkplain LeadLimits#defaults() default limits}. */
    public DedupCoreModule() {
        this(LeadLimits.defaults());
    }

    public DedupCoreModule(LeadLimits limits) {
        this(limits, BulkScans.LEASE);
    }

    /**
     * The engine with {@code limits}, its bulk scans' leases lasting {@code scanLease} (a running scan not renewed
     * for that long is taken for one a stopped process left).
     */
    public DedupCoreModule(LeadLimits limits, Duration scanLease) {
        this.limits = limits;
        this.scanLease = scanLease;
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    MatcherGuard matcherGuard(MatcherRegistry registry) {
        return TimeBudgetMatcherGuard.forPluginsOf(registry);
    }

    /** Decisions and merges tell of themselves through the outbox, in their own transactions (webhooks). */
    @Provides
    @Singleton
    DuplicateControlPorts ports(LeadRepository leads, SettingsStore settings, DecisionLog decisions,
                                MergeJournal journal, TaskSink tasks, NoteSink notes, Transactor transactor,
                                KeyLocks keyLocks, NotDuplicateStore notDuplicates, ReviewStore reviews,
                                EventOutbox outbox, Clock clock) {
        return new DuplicateControlPorts(leads, settings,
                new ReviewingDecisionLog(new PublishingDecisionLog(decisions, outbox, transactor), reviews),
                new PublishingMergeJournal(journal, outbox, transactor, clock), tasks, notes, transactor, keyLocks,
                notDuplicates);
    }

    @Provides
    @Singleton
    InstalledMatchers installedMatchers(List<Matcher> matchers, RecordStandardizer standardizer, MatcherGuard guard) {
        return new InstalledMatchers(matchers, standardizer, guard);
    }

    @Provides
    @Singleton
    DuplicateControl duplicateControl(DuplicateControlPorts ports, InstalledMatchers matchers,
                                      RecordStandardizer standardizer, Clock clock) {
        return new DuplicateControl(ports, matchers, new ConflictMerge(standardizer), clock, limits);
    }

    @Provides
    @Singleton
    TenantSettings tenantSettings(SettingsStore settings, InstalledMatchers matchers, LeadIndexing indexing) {
        return new TenantSettings(settings, matchers, indexing);
    }

    /** Reindex jobs wait out the settings cache (one second, see JooqPersistenceModule) several times over. */
    @Provides
    @Singleton
    LeadIndexing leadIndexing(LeadRepository leads, SettingsStore settings, IndexJobStore jobs,
                              InstalledMatchers matchers, Transactor transactor, Clock clock) {
        return new LeadIndexing(leads, settings, jobs, matchers, transactor, clock, LeadIndexing.SETTLE,
                LeadIndexing.PAGE);
    }

    @Provides
    @Singleton
    DuplicateSearch duplicateSearch(LeadRepository leads, ContactRepository contacts, CompanyRepository companies,
                                    SettingsStore settings, NotDuplicateStore notDuplicates,
                                    DuplicateGroupStore groups, RecordStandardizer standardizer,
                                    List<Matcher> matchers) {
        Map<MatchMethod, RecordLinker> linkers = new LinkedHashMap<>();
        matchers.forEach(matcher -> matcher.recordLinker().ifPresent(l -> linkers.put(matcher.method(), l)));
        return new DuplicateSearch(leads, contacts, companies, settings, notDuplicates, groups, standardizer, linkers);
    }

    @Provides
    @Singleton
    BulkScans bulkScans(DuplicateSearch search, ScanJobStore jobs, EventOutbox outbox, Transactor transactor,
                        SpillingBulkSearch spilling, Clock clock) {
        return new BulkScans(search, new PublishingScanJobStore(jobs, outbox, transactor), spilling, clock, scanLease);
    }

    /**
     * The tenant scans' search in bounded memory: its spill files go under {@code java.io.tmpdir}, in a directory
     * of each scan's own, deleted when the scan ends.
     */
    @Provides
    @Singleton
    SpillingBulkSearch spillingBulkSearch() {
        return new SpillingBulkSearch(Path.of(System.getProperty("java.io.tmpdir"), "dedup-scans"),
                SpillingBulkSearch.DEFAULT_RUN_SIZE);
    }

    @Provides
    @Singleton
    Webhooks webhooks(WebhookStore store, Transactor transactor, Clock clock) {
        return new Webhooks(store, transactor, clock);
    }

    @Provides
    @Singleton
    Unmerger unmerger(DuplicateControlPorts ports, InstalledMatchers matchers, Clock clock) {
        return new Unmerger(ports.merging(), matchers, clock);
    }

    @Provides
    @Singleton
    ManualMerge manualMerge(DuplicateControlPorts ports, InstalledMatchers matchers, Clock clock) {
        return new ManualMerge(ports.merging(), new Merges(ports.merging(), matchers, clock));
    }

    @Provides
    @Singleton
    Parties parties(DuplicateControlPorts ports, PartyMergeJournal stored, ContactRepository contacts,
                    CompanyRepository companies, DuplicateSearch search, InstalledMatchers matchers,
                    RecordStandardizer standardizer, EventOutbox outbox, Clock clock) {
        PartyMergeJournal journal = new PublishingPartyMergeJournal(stored, outbox, ports.transactor(), clock);
        PartyMerges<Contact> contactMerges = new PartyMerges<>(new ContactKind(contacts, search), ports, journal,
                matchers, standardizer, clock, limits);
        PartyMerges<Company> companyMerges = new PartyMerges<>(new CompanyKind(companies, search), ports, journal,
                matchers, standardizer, clock, limits);
        return new Parties(contactMerges, companyMerges,
                new ContactControl(contacts, contactMerges, ports, standardizer), ports.transactor(), ports.keyLocks());
    }

    @Provides
    @Singleton
    RecordMerges recordMerges(ManualMerge manualMerge, Parties parties) {
        return new RecordMerges(manualMerge, parties);
    }

    @Provides
    @Singleton
    ReviewQueue reviewQueue(ReviewStore reviews, DuplicateSearch search, RecordMerges merges, LeadRepository leads,
                            ContactRepository contacts, CompanyRepository companies, Transactor transactor,
                            Audited audited, Clock clock) {
        return new ReviewQueue(reviews, search, merges, leads, contacts, companies, transactor, audited, clock);
    }

    @Provides
    @Singleton
    SettingsDryRun settingsDryRun(LeadRepository leads, SettingsStore settings, InstalledMatchers matchers,
                                  LeadIndexing indexing) {
        return new SettingsDryRun(leads, settings, matchers, indexing);
    }

    @Provides
    @Singleton
    Audited audited(AuditTrail trail, Transactor transactor, Clock clock) {
        return new Audited(trail, transactor, clock);
    }

    @Provides
    @Singleton
    AuditLog auditLog(MergeHistory merges, DecisionHistory decisions, AuditTrail trail) {
        return new AuditLog(merges, decisions, trail);
    }
}
