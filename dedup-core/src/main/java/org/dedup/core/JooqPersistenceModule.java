package org.dedup.core;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.core.arrivals.Rehearsal;
import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.party.PartyMergeJournal;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.review.ReviewStore;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.domain.store.CachingSettingsStore;
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.MirroringSettingsStore;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.dedup.persistence.JooqAdapters;
import org.dedup.persistence.event.JooqEventOutbox;
import org.jooq.SQLDialect;

/**
 * Binds every storage port to its jOOQ adapter over the hosting application's data source, with dedup's tables in
 * {@code schema}. It neither connects nor migrates: the application migrates the schema once before
 * ({@link DedupSchema#migrate}).
 */
public final class JooqPersistenceModule extends AbstractModule {
    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final DedupSchema schema;

    /** {@code dialect}: {@link SQLDialect#POSTGRES}, or {@link SQLDialect#H2} for H2 in PostgreSQL mode. */
    public JooqPersistenceModule(DataSource dataSource, SQLDialect dialect, DedupSchema schema) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
    }

    @Provides
    @Singleton
    JooqAdapters adapters() {
        return new JooqAdapters(Database.context(dataSource, dialect, schema));
    }

    @Provides
    @Singleton
    LeadRepository leads(JooqAdapters adapters) {
        return adapters.leads();
    }

    @Provides
    @Singleton
    ContactRepository contacts(JooqAdapters adapters) {
        return adapters.contacts();
    }

    @Provides
    @Singleton
    CompanyRepository companies(JooqAdapters adapters) {
        return adapters.companies();
    }

    /**
     * Read once a second at most per tenant, not on every arrival ({@link CachingSettingsStore}); the warm-up's tenant
     * reads those of the served tenant it is told to mirror.
     */
    @Provides
    @Singleton
    MirroringSettingsStore mirroringSettings(JooqAdapters adapters, Clock clock) {
        return new MirroringSettingsStore(Rehearsal.TENANT, new CachingSettingsStore(adapters.settings(),
                Duration.ofSeconds(1), clock));
    }

    @Provides
    @Singleton
    SettingsStore settings(MirroringSettingsStore settings) {
        return settings;
    }

    @Provides
    @Singleton
    DecisionLog decisions(JooqAdapters adapters) {
        return adapters.decisions();
    }

    @Provides
    @Singleton
    MergeJournal journal(JooqAdapters adapters) {
        return adapters.journal();
    }

    @Provides
    @Singleton
    PartyMergeJournal partyJournal(JooqAdapters adapters) {
        return adapters.partyJournal();
    }

    @Provides
    @Singleton
    TaskSink tasks(JooqAdapters adapters) {
        return adapters.tasks();
    }

    @Provides
    @Singleton
    NoteSink notes(JooqAdapters adapters) {
        return adapters.notes();
    }

    @Provides
    @Singleton
    NotDuplicateStore notDuplicates(JooqAdapters adapters) {
        return adapters.notDuplicates();
    }

    @Provides
    @Singleton
    PairLabelStore pairLabels(JooqAdapters adapters) {
        return adapters.pairLabels();
    }

    @Provides
    @Singleton
    DuplicateGroupStore duplicateGroups(JooqAdapters adapters) {
        return adapters.duplicateGroups();
    }

    @Provides
    @Singleton
    IndexJobStore indexJobs(JooqAdapters adapters) {
        return adapters.indexJobs();
    }

    @Provides
    @Singleton
    ScanJobStore scanJobs(JooqAdapters adapters) {
        return adapters.scanJobs();
    }

    @Provides
    @Singleton
    AuditTrail auditTrail(JooqAdapters adapters) {
        return adapters.auditTrail();
    }

    @Provides
    @Singleton
    MergeHistory mergeHistory(JooqAdapters adapters) {
        return adapters.mergeHistory();
    }

    @Provides
    @Singleton
    DecisionHistory decisionHistory(JooqAdapters adapters) {
        return adapters.decisionHistory();
    }

    @Provides
    @Singleton
    ReviewStore reviews(JooqAdapters adapters) {
        return adapters.reviews();
    }

    @Provides
    @Singleton
    JooqEventOutbox jooqOutbox(JooqAdapters adapters) {
        return adapters.outbox();
    }

    @Provides
    @Singleton
    EventOutbox outbox(JooqEventOutbox outbox) {
        return outbox;
    }

    @Provides
    @Singleton
    EventDeliveries deliveries(JooqEventOutbox outbox) {
        return outbox;
    }

    @Provides
    @Singleton
    WebhookStore webhooks(JooqAdapters adapters) {
        return adapters.webhooks();
    }

    @Provides
    @Singleton
    Transactor transactor(JooqAdapters adapters) {
        return adapters.transactor();
    }

    @Provides
    @Singleton
    KeyLocks keyLocks(JooqAdapters adapters) {
        return adapters.keyLocks();
    }
}
