package org.dedup.persistence;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.contract.PortContract;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.persistence.activity.JooqActivities;
import org.dedup.persistence.control.JooqDecisionLog;
import org.dedup.persistence.control.JooqMergeJournal;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.dedup.persistence.settings.JooqSettingsStore;
import org.jooq.DSLContext;

/** The port contract on the jOOQ adapters; subclasses choose the database. */
abstract class JooqPortContract extends PortContract {
    private final DocumentCodec codec = new DocumentCodec();

    protected abstract DSLContext dsl();

    @Override
    protected LeadRepository leads() {
        return new JooqLeadRepository(dsl(), codec);
    }

    @Override
    protected DecisionLog decisions() {
        return new JooqDecisionLog(dsl(), codec);
    }

    @Override
    protected MergeJournal journal() {
        return new JooqMergeJournal(dsl(), codec);
    }

    @Override
    protected TaskSink tasks() {
        return new JooqActivities(dsl());
    }

    @Override
    protected NoteSink notes() {
        return new JooqActivities(dsl());
    }

    @Override
    protected SettingsStore settings() {
        return new JooqSettingsStore(dsl(), codec);
    }
}
