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
import org.junit.jupiter.api.Nested;

/** The port contracts on the in-memory fakes the engine's tests use, so the fakes behave like the databases. */
class InMemoryContractTest {

    @Nested
    class Leads extends LeadRepositoryContract {
        private final InMemoryLeadRepository leads = new InMemoryLeadRepository();

        @Override
        protected LeadRepository leads() {
            return leads;
        }
    }

    @Nested
    class Decisions extends DecisionLogContract {
        private final InMemoryDecisionLog decisions = new InMemoryDecisionLog();

        @Override
        protected DecisionLog decisions() {
            return decisions;
        }
    }

    @Nested
    class Journal extends MergeJournalContract {
        private final InMemoryMergeJournal journal = new InMemoryMergeJournal();

        @Override
        protected MergeJournal journal() {
            return journal;
        }
    }

    @Nested
    class Tasks extends TaskSinkContract {
        private final InMemoryActivities activities = new InMemoryActivities();

        @Override
        protected TaskSink tasks() {
            return activities;
        }
    }

    @Nested
    class Notes extends NoteSinkContract {
        private final InMemoryActivities activities = new InMemoryActivities();

        @Override
        protected NoteSink notes() {
            return activities;
        }
    }

    @Nested
    class Settings extends SettingsStoreContract {
        private final InMemorySettingsStore settings = new InMemorySettingsStore();

        @Override
        protected SettingsStore settings() {
            return settings;
        }
    }
}
