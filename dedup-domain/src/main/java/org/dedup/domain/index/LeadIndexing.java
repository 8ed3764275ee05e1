package org.dedup.domain.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.LeadRepository.IndexedLead;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;

/**
 * Keeps each tenant's leads indexed for the methods it enables, and only those (see
 * {@link InstalledMatchers#indexedMethods}). Every writer of a lead stores the keys of the methods its tenant enables
 * now, so a method enabled later lacks the keys of the leads stored before: enabling it starts a reindex job of the
 * tenant for the method ({@link #settingsChanging}), which {@link #indexNextPage} works through a page of leads at a
 * time, in a short transaction of its own, so arrivals wait on no more than one page. While the job runs, arrivals
 * already write the method's keys; until it ends, {@link #notIndexed} names the method. Starts no thread: the
 * application calls {@link #indexNextPage} from its own.
 */
public final class LeadIndexing {
    private static final System.Logger LOG = System.getLogger(LeadIndexing.class.getName());
    /**
     * How long a job started in a server waits before its first page: five times the one second a server caches a
     * tenant's settings for, so every arrival has read the settings that enable the method.
     */
    public static final Duration SETTLE = Duration.ofSeconds(5);
    /** Leads per page: one short transaction each, the leads of the page locked while their keys are added. */
    public static final int PAGE = 200;
    private final LeadRepository leads;
    private final SettingsStore settings;
    private final IndexJobStore jobs;
    private final InstalledMatchers matchers;
    private final Transactor transactor;
    private final Clock clock;
    private final Duration settle;
    private final int pageSize;

    /**
     * {@code settle}: how long a job waits before its first page, longer than any writer may go on with the settings
     * it read before the method was enabled (a cached copy, a transaction under way), so no lead written without the
     * method's keys can land behind the page the job has reached.
     */
    public LeadIndexing(LeadRepository leads, SettingsStore settings, IndexJobStore jobs, InstalledMatchers matchers,
                        Transactor transactor, Clock clock, Duration settle, int pageSize) {
        this.leads = Require.nonNull(leads, "lead repository");
        this.settings = Require.nonNull(settings, "settings store");
        this.jobs = Require.nonNull(jobs, "index job store");
        this.matchers = Require.nonNull(matchers, "installed matchers");
        this.transactor = Require.nonNull(transactor, "transactor");
        this.clock = Require.nonNull(clock, "clock");
        this.settle = Require.nonNull(settle, "settle time");
        this.pageSize = Require.positive(pageSize, "page size");
    }

    /**
     * Before the tenant's settings change from {@code current} to {@code proposed}: starts a reindex job of each
     * installed method {@code proposed} enables and {@code current} does not, and removes the job of each method it
     * no longer enables (its keys are not written any more, so enabling it again reindexes it).
     */
    public void settingsChanging(TenantId tenant, DuplicateControlSettings current,
                                 DuplicateControlSettings proposed) {
        Set<MatchMethod> before = matchers.indexedMethods(current);
        Set<MatchMethod> after = matchers.indexedMethods(proposed);
        before.stream().filter(method -> !after.contains(method)).forEach(method -> jobs.remove(tenant, method));
        List<MatchMethod> added = after.stream().filter(method -> !before.contains(method)).toList();
        if (added.isEmpty()) {
            return;
        }
        long total = leads.count(tenant);
        Instant now = clock.instant();
        added.forEach(method -> jobs.start(IndexJob.started(tenant, method, total, now, now.plus(settle))));
        LOG.log(System.Logger.Level.INFO, () -> "tenant " + tenant + ": reindexing " + total + " leads for "
                + added);
    }

    /**
     * Indexes the next page of the oldest due job, in one transaction: the page's leads get the method's keys (each
     * only while it is at the version read; a lead changed since was indexed by its writer) and the job its new
     * position, or its end. A job whose method the tenant no longer enables is removed.
     *
     * @return false when no job was due
     */
    public boolean indexNextPage() {
        List<IndexJob> due = jobs.due(clock.instant(), 1);
        if (due.isEmpty()) {
            return false;
        }
        IndexJob job = due.getFirst();
        DuplicateControlSettings now = settings.storedSettings(job.tenant())
                .orElseGet(DuplicateControlSettings::defaults);
        if (!matchers.indexedMethods(now).contains(job.method())) {
            jobs.remove(job.tenant(), job.method());
            return true;
        }
        transactor.inTransaction(() -> indexPage(job, now));
        return true;
    }

    private IndexJob indexPage(IndexJob job, DuplicateControlSettings now) {
        TenantId tenant = job.tenant();
        List<Lead> page = job.after().map(after -> leads.pageAfter(tenant, after, pageSize))
                .orElseGet(() -> leads.firstPage(tenant, pageSize));
        IndexJob next = page.size() < pageSize ? job.finished(page.size(), clock.instant())
                : job.advanced(page.getLast().id(), page.size());
        if (!jobs.advance(job, next)) {
            // another process took this page, or the job was started again or removed: nothing to do here
            return job;
        }
        List<MatcherFailure> failures = new ArrayList<>();
        List<IndexedLead> indexed = new ArrayList<>();
        for (Lead lead : page) {
            Set<MatchKey> keys = matchers.methodKeys(job.method(), matchers.profile(lead, now.standardization()),
                    failures);
            if (!keys.isEmpty()) {
                indexed.add(new IndexedLead(lead, keys));
            }
        }
        leads.addKeys(tenant, indexed);
        if (!failures.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, () -> "tenant " + tenant + ": method " + job.method() + " failed on "
                    + failures.size() + " of " + page.size() + " leads while reindexing; they stay unindexed for it");
        }
        if (next.state() == IndexState.INDEXED) {
            LOG.log(System.Logger.Level.INFO, () -> "tenant " + tenant + ": " + next.leadsIndexed()
                    + " leads indexed for " + job.method());
        }
        return next;
    }

    /** The tenant's reindex jobs, running and finished, by method id. */
    public List<IndexJob> jobs(TenantId tenant) {
        return jobs.jobs(tenant);
    }

    /**
     * The methods of {@code proposed} whose stored keys do not yet cover every lead of the tenant: those its current
     * settings do not enable (their keys are not written), and those still being indexed. A check by them over the
     * stored leads finds only the leads indexed so far.
     */
    public Set<MatchMethod> notIndexed(TenantId tenant, DuplicateControlSettings proposed) {
        Set<MatchMethod> enabledNow = matchers.indexedMethods(settings.settings(tenant));
        Set<MatchMethod> missing = new LinkedHashSet<>();
        for (MatchMethod method : matchers.indexedMethods(proposed)) {
            if (!enabledNow.contains(method) || jobs.find(tenant, method)
                    .filter(job -> job.state() == IndexState.INDEXING).isPresent()) {
                missing.add(method);
            }
        }
        return missing;
    }
}
