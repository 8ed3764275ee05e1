package org.dedup.app.wiring;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;
import org.dedup.persistence.activity.JooqNoteSink;
import org.dedup.persistence.activity.JooqTaskSink;
import org.dedup.persistence.control.JooqDecisionLog;
import org.dedup.persistence.control.JooqMergeJournal;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.dedup.persistence.lock.JooqKeyLocks;
import org.dedup.persistence.settings.JooqSettingsStore;
import org.dedup.persistence.transaction.JooqTransactor;
import org.jooq.DSLContext;

/** Binds the storage ports to the jOOQ adapters over the hosting application's data source. */
public final class JooqPersistenceModule extends AbstractModule {
    private final DataSource dataSource;

    public JooqPersistenceModule(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void configure() {
        bind(LeadRepository.class).to(JooqLeadRepository.class);
        bind(SettingsStore.class).to(JooqSettingsStore.class);
        bind(DecisionLog.class).to(JooqDecisionLog.class);
        bind(MergeJournal.class).to(JooqMergeJournal.class);
        bind(TaskSink.class).to(JooqTaskSink.class);
        bind(NoteSink.class).to(JooqNoteSink.class);
        bind(Transactor.class).to(JooqTransactor.class);
        bind(KeyLocks.class).to(JooqKeyLocks.class);
    }

    /** The schema is migrated before the first query. */
    @Provides
    @Singleton
    DSLContext dsl() {
        Database.migrate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            return Database.context(dataSource, Database.dialectOf(connection.getMetaData().getURL()));
        } catch (SQLException e) {
            throw new DedupException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    @Provides
    @Singleton
    DocumentCodec codec() {
        return new DocumentCodec();
    }

    @Provides
    @Singleton
    JooqLeadRepository leads(DSLContext dsl, DocumentCodec codec) {
        return new JooqLeadRepository(dsl, codec);
    }

    @Provides
    @Singleton
    JooqSettingsStore settings(DSLContext dsl, DocumentCodec codec) {
        return new JooqSettingsStore(dsl, codec);
    }

    @Provides
    @Singleton
    JooqDecisionLog decisions(DSLContext dsl, DocumentCodec codec) {
        return new JooqDecisionLog(dsl, codec);
    }

    @Provides
    @Singleton
    JooqMergeJournal journal(DSLContext dsl, DocumentCodec codec) {
        return new JooqMergeJournal(dsl, codec);
    }

    @Provides
    @Singleton
    JooqTaskSink tasks(DSLContext dsl) {
        return new JooqTaskSink(dsl);
    }

    @Provides
    @Singleton
    JooqNoteSink notes(DSLContext dsl) {
        return new JooqNoteSink(dsl);
    }

    @Provides
    @Singleton
    JooqKeyLocks keyLocks(DSLContext dsl) {
        return new JooqKeyLocks(dsl);
    }

    @Provides
    @Singleton
    JooqTransactor transactor(DSLContext dsl) {
        return new JooqTransactor(dsl);
    }
}
