package org.dedup.persistence;

import javax.sql.DataSource;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.event.WebhookStore;
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
import org.dedup.domain.store.CompanyRepository;
import org.dedup.domain.store.ContactRepository;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.activity.JooqNoteSink;
import org.dedup.persistence.activity.JooqTaskSink;
import org.dedup.persistence.company.JooqCompanyRepository;
import org.dedup.persistence.contact.JooqContactRepository;
import org.dedup.persistence.control.JooqDecisionLog;
import org.dedup.persistence.control.JooqMergeJournal;
import org.dedup.persistence.event.JooqEventOutbox;
import org.dedup.persistence.event.JooqWebhookStore;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.dedup.persistence.party.JooqPartyMergeJournal;
import org.dedup.persistence.lock.JooqKeyLocks;
import org.dedup.persistence.audit.JooqAuditTrail;
import org.dedup.persistence.audit.JooqDecisionHistory;
import org.dedup.persistence.audit.JooqMergeHistory;
import org.dedup.persistence.review.JooqReviewStore;
import org.dedup.persistence.search.JooqDuplicateGroupStore;
import org.dedup.persistence.search.JooqNotDuplicateStore;
import org.dedup.persistence.search.JooqPairLabelStore;
import org.dedup.persistence.search.JooqScanJobStore;
import org.dedup.persistence.index.JooqIndexJobStore;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.persistence.settings.JooqSettingsStore;
import org.dedup.persistence.transaction.JooqTransactor;
import org.dedup.persistence.transaction.TransactionBoundDataSource;
import org.jooq.DSLContext;

/** Every storage port's jOOQ adapter over one database, for the application's wiring to bind. */
public final class JooqAdapters {
    private final DSLContext dsl;
    private final DocumentCodec codec = new DocumentCodec();

    public JooqAdapters(DSLContext dsl) {
        this.dsl = dsl;
    }

    public LeadRepository leads() {
        return new JooqLeadRepository(dsl, codec);
    }

    public ContactRepository contacts() {
        return new JooqContactRepository(dsl, codec);
    }

    public CompanyRepository companies() {
        return new JooqCompanyRepository(dsl, codec);
    }

    public SettingsStore settings() {
        return new JooqSettingsStore(dsl, codec);
    }

    public DecisionLog decisions() {
        return new JooqDecisionLog(dsl, codec);
    }

    public MergeJournal journal() {
        return new JooqMergeJournal(dsl, codec);
    }

    public PartyMergeJournal partyJournal() {
        return new JooqPartyMergeJournal(dsl, codec);
    }

    public TaskSink tasks() {
        return new JooqTaskSink(dsl);
    }

    public NoteSink notes() {
        return new JooqNoteSink(dsl);
    }

    public NotDuplicateStore notDuplicates() {
        return new JooqNotDuplicateStore(dsl);
    }

    public PairLabelStore pairLabels() {
        return new JooqPairLabelStore(dsl);
    }

    public IndexJobStore indexJobs() {
        return new JooqIndexJobStore(dsl);
    }

    public ScanJobStore scanJobs() {
        return new JooqScanJobStore(dsl, codec);
    }

    public DuplicateGroupStore duplicateGroups() {
        return new JooqDuplicateGroupStore(dsl, codec);
    }

    public AuditTrail auditTrail() {
        return new JooqAuditTrail(dsl);
    }

    public MergeHistory mergeHistory() {
        return new JooqMergeHistory(dsl, codec);
    }

    public DecisionHistory decisionHistory() {
        return new JooqDecisionHistory(dsl, codec);
    }

    public ReviewStore reviews() {
        return new JooqReviewStore(dsl, codec);
    }

    /** The outbox, for the changes that add events and the dispatchers that deliver them. */
    public JooqEventOutbox outbox() {
        return new JooqEventOutbox(dsl, codec);
    }

    public WebhookStore webhooks() {
        return new JooqWebhookStore(dsl);
    }

    /** A data source whose connections join this database's transaction on the calling thread. */
    public DataSource transactionBound() {
        return new TransactionBoundDataSource(dsl);
    }

    public Transactor transactor() {
        return new JooqTransactor(dsl);
    }

    public KeyLocks keyLocks() {
        return new JooqKeyLocks(dsl);
    }
}
