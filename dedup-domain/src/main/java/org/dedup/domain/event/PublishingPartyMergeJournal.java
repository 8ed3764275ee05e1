package org.dedup.domain.event;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.domain.party.PartyMergeJournal;
import org.dedup.domain.store.Transactor;

/**
 * The journal of contact and company merges, telling of each merge ({@code contact.merged}, {@code company.merged})
 * and each undo ({@code merge.undone} with the kind) through the outbox in the transaction that writes the journal,
 * which is the merge's own, as {@link PublishingMergeJournal} does for leads.
 */
public final class PublishingPartyMergeJournal implements PartyMergeJournal {
    private final PartyMergeJournal journal;
    private final EventOutbox outbox;
    private final Transactor transactor;
    private final Clock clock;

    public PublishingPartyMergeJournal(PartyMergeJournal journal, EventOutbox outbox, Transactor transactor,
                                       Clock clock) {
        this.journal = journal;
        this.outbox = outbox;
        this.transactor = transactor;
        this.clock = clock;
    }

    /** In the merge's transaction, as every journal entry is written. */
    @Override
    public void append(PartyMergeEntry<?> entry) {
        journal.append(entry);
        if (entry.state() == MergeState.APPLIED) {
            outbox.add(List.of(DomainEvent.of(entry.tenant(), entry.at(), new EventData.PartyMerged(entry.id(),
                    entry.kind(), entry.after().id(), ids(entry.absorbed().stream())))));
        }
    }

    @Override
    public <P extends Party> Optional<PartyMergeEntry<P>> find(TenantId tenant, MergeId id, Class<P> type) {
        return journal.find(tenant, id, type);
    }

    @Override
    public void markUndone(TenantId tenant, MergeId id) {
        transactor.inTransaction(() -> {
            Optional<PartyMergeEntry<?>> entry = journal.find(tenant, id, Contact.class)
                    .<PartyMergeEntry<?>>map(e -> e).or(() -> journal.find(tenant, id, Company.class));
            journal.markUndone(tenant, id);
            entry.ifPresent(undone -> outbox.add(List.of(DomainEvent.of(tenant, clock.instant(),
                    new EventData.PartyMergeUndone(id, undone.kind(), undone.after().id(),
                            ids(Stream.concat(undone.absorbed().stream(), undone.incoming().stream())))))));
            return null;
        });
    }

    private static List<RecordRef> ids(Stream<? extends Party> records) {
        return records.map(Party::id).toList();
    }
}
