package org.dedup.persistence;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.contract.AuditTrailContract;
import org.dedup.domain.contract.CompanyRepositoryContract;
import org.dedup.domain.contract.ContactRepositoryContract;
import org.dedup.domain.contract.DecisionLogContract;
import org.dedup.domain.contract.DuplicateGroupStoreContract;
import org.dedup.domain.contract.EventOutboxContract;
import org.dedup.domain.contract.LeadRepositoryContract;
import org.dedup.domain.contract.MergeJournalContract;
import org.dedup.domain.contract.NoteSinkContract;
import org.dedup.domain.contract.PartyMergeJournalContract;
import org.dedup.domain.contract.NotDuplicateStoreContract;
import org.dedup.domain.contract.ReviewStoreContract;
import org.dedup.domain.contract.ScanJobStoreContract;
import org.dedup.domain.contract.SettingsStoreContract;
import org.dedup.domain.contract.TaskSinkContract;
import org.dedup.domain.contract.TransactorContract;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.party.PartyMergeJournal;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.review.ReviewStore;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.ScanJobStore;
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.junit.jupiter.api.Nested;

/** Every port contract on the jOOQ adapters; subclasses open the database once per class and drop it after. */
abstract class JooqContracts {

    protected abstract Database database();

    private JooqAdapters adapters() {
        return database().adapters();
    }

    @Nested
    class Leads extends LeadRepositoryContract {
        @Override
        protected LeadRepository leads() {
            return adapters().leads();
        }
    }

    @Nested
    class IndexJobs extends org.dedup.domain.contract.IndexJobStoreContract {
        @Override
        protected org.dedup.domain.index.IndexJobStore jobs() {
            return adapters().indexJobs();
        }
    }

    @Nested
    class Contacts extends ContactRepositoryContract {
        @Override
        protected ContactRepository contacts() {
            return adapters().contacts();
        }
    }

    @Nested
    class Companies extends CompanyRepositoryContract {
        @Override
        protected CompanyRepository companies() {
            return adapters().companies();
        }
    }

    @Nested
    class Decisions extends DecisionLogContract {
        @Override
        protected DecisionLog decisions() {
            return adapters().decisions();
        }
    }

    @Nested
    class Journal extends MergeJournalContract {
        @Override
        protected MergeJournal journal() {
            return adapters().journal();
        }
    }

    @Nested
    class PartyJournal extends PartyMergeJournalContract {
        @Override
        protected PartyMergeJournal journal() {
            return adapters().partyJournal();
        }
    }

    @Nested
    class Tasks extends TaskSinkContract {
        @Override
        protected TaskSink tasks() {
            return adapters().tasks();
        }
    }

    @Nested
    class Notes extends NoteSinkContract {
        @Override
        protected NoteSink notes() {
            return adapters().notes();
        }
    }

    @Nested
    class Settings extends SettingsStoreContract {
        @Override
        protected SettingsStore settings() {
            return adapters().settings();
        }
    }

    @Nested
    class NotDuplicates extends NotDuplicateStoreContract {
        @Override
        protected NotDuplicateStore notDuplicates() {
            return adapters().notDuplicates();
        }
    }

    @Nested
    class PairLabels extends org.dedup.domain.contract.PairLabelStoreContract {
        @Override
        protected org.dedup.domain.search.PairLabelStore labels() {
            return adapters().pairLabels();
        }
    }

    @Nested
    class Groups extends DuplicateGroupStoreContract {
        @Override
        protected DuplicateGroupStore groups() {
            return adapters().duplicateGroups();
        }
    }

    @Nested
    class Transactions extends TransactorContract {
        @Override
        protected Transactor transactor() {
            return adapters().transactor();
        }

        @Override
        protected LeadRepository leads() {
            return adapters().leads();
        }
    }

    @Nested
    class ScanJobs extends ScanJobStoreContract {
        @Override
        protected ScanJobStore jobs() {
            return adapters().scanJobs();
        }
    }

    @Nested
    class Reviews extends ReviewStoreContract {
        @Override
        protected ReviewStore reviews() {
            return adapters().reviews();
        }
    }

    @Nested
    class Audit extends AuditTrailContract {
        @Override
        protected AuditTrail trail() {
            return adapters().auditTrail();
        }
    }

    @Nested
    class Outbox extends EventOutboxContract {
        @Override
        protected EventOutbox outbox() {
            return adapters().outbox();
        }

        @Override
        protected EventDeliveries deliveries() {
            return adapters().outbox();
        }

        @Override
        protected WebhookStore webhooks() {
            return adapters().webhooks();
        }
    }
}
