package org.dedup.domain.contract;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.testing.InMemoryActivities;
import org.dedup.domain.testing.InMemoryDecisionLog;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.dedup.domain.testing.InMemorySettingsStore;

class InMemoryPortContractTest extends PortContract {
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    private final InMemoryDecisionLog decisions = new InMemoryDecisionLog();
    private final InMemoryMergeJournal journal = new InMemoryMergeJournal();
    private final InMemoryActivities activities = new InMemoryActivities();
    private final InMemorySettingsStore settings = new InMemorySettingsStore();

    @Override
    protected LeadRepository leads() {
        return leads;
    }

    @Override
    protected DecisionLog decisions() {
        return decisions;
    }

    @Override
    protected MergeJournal journal() {
        return journal;
    }

    @Override
    protected TaskSink tasks() {
        return activities;
    }

    @Override
    protected NoteSink notes() {
        return activities;
    }

    @Override
    protected SettingsStore settings() {
        return settings;
    }
}
