package org.dedup.domain.contract;

import java.time.Clock;
import java.time.Duration;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.party.PartyMergeJournal;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.CachingSettingsStore;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.testing.InMemoryActivities;
import org.dedup.domain.testing.InMemoryCompanyRepository;
import org.dedup.domain.testing.InMemoryContactRepository;
import org.dedup.domain.testing.InMemorySearchStores;
import org.dedup.domain.testing.InMemoryDecisionLog;
import org.dedup.domain.testing.InMemoryEventOutbox;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.InMemoryIndexJobs;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.dedup.domain.testing.InMemoryPartyMergeJournal;
import org.dedup.domain.testing.InMemoryScanJobs;
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
    class IndexJobs extends IndexJobStoreContract {
        private final InMemoryIndexJobs jobs = new InMemoryIndexJobs();

        @Override
        protected IndexJobStore jobs() {
            return jobs;
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
    class PartyJournal extends PartyMergeJournalContract {
        private final InMemoryPartyMergeJournal journal = new InMemoryPartyMergeJournal();

        @Override
        protected PartyMergeJournal journal() {
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

    @Nested
    class CachedSettings extends SettingsStoreContract {
        private final SettingsStore settings = new CachingSettingsStore(new InMemorySettingsStore(),
                Duration.ofSeconds(1), Clock.systemUTC());

        @Override
        protected SettingsStore settings() {
            return settings;
        }
    }

    @Nested
    class Contacts extends ContactRepositoryContract {
        private final InMemoryContactRepository contacts = new InMemoryContactRepository();

        @Override
        protected org.dedup.domain.store.ContactRepository contacts() {
            return contacts;
        }
    }

    @Nested
    class Companies extends CompanyRepositoryContract {
        private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();

        @Override
        protected org.dedup.domain.store.CompanyRepository companies() {
            return companies;
        }
    }

    @Nested
    class PairLabels extends PairLabelStoreContract {
        private final org.dedup.domain.testing.InMemoryPairLabels labels =
                new org.dedup.domain.testing.InMemoryPairLabels();

        @Override
        protected org.dedup.domain.search.PairLabelStore labels() {
            return labels;
        }
    }

    @Nested
    class NotDuplicates extends NotDuplicateStoreContract {
        private final InMemorySearchStores stores = new InMemorySearchStores();

        @Override
        protected org.dedup.domain.search.NotDuplicateStore notDuplicates() {
            return stores;
        }
    }

    @Nested
    class Groups extends DuplicateGroupStoreContract {
        private final InMemorySearchStores stores = new InMemorySearchStores();

        @Override
        protected org.dedup.domain.search.DuplicateGroupStore groups() {
            return stores;
        }
    }

    @Nested
    class ScanJobs extends ScanJobStoreContract {
        private final InMemoryScanJobs jobs = new InMemoryScanJobs();

        @Override
        protected org.dedup.domain.search.ScanJobStore jobs() {
            return jobs;
        }
    }

    @Nested
    class Reviews extends ReviewStoreContract {
        private final org.dedup.domain.testing.InMemoryReviewStore reviews =
                new org.dedup.domain.testing.InMemoryReviewStore();

        @Override
        protected org.dedup.domain.review.ReviewStore reviews() {
            return reviews;
        }
    }

    @Nested
    class Outbox extends EventOutboxContract {
        private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();

        @Override
        protected EventOutbox outbox() {
            return outbox;
        }

        @Override
        protected EventDeliveries deliveries() {
            return outbox;
        }

        @Override
        protected WebhookStore webhooks() {
            return outbox;
        }
    }
}
