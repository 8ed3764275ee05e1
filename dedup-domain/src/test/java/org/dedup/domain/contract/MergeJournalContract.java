package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.merge.MovedActivity;
import org.dedup.domain.merge.SurvivorshipRule;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.junit.jupiter.api.Test;

/** What every {@link MergeJournal} adapter does: entries keep their images whole and stay in their tenant. */
public abstract class MergeJournalContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract MergeJournal journal();

    private static MergeJournalEntry anEntry(TenantId tenant, Instant at) {
        Lead before = aLead().in(tenant).withEmail("j@x.io").withPhone("+1 212 555 0100").build();
        Lead after = before.withName("merged").touched(at);
        return new MergeJournalEntry(MergeId.random(), tenant, at, MergeKind.MANUAL, before, after,
                List.of(aLead().in(tenant).withEmail("k@x.io").build()),
                List.of(new FieldProvenance("name", "merged", before.id(), SurvivorshipRule.MANUAL)),
                List.of(new MovedActivity(MovedActivity.ActivityKind.TASK, UUID.randomUUID(), LeadId.random(),
                        before.id())), List.of(UUID.randomUUID()), MergeState.APPLIED);
    }

    @Test
    void anEntryKeepsItsBeforeAndAfterImages() {
        MergeJournalEntry entry = anEntry(TENANT, T0);
        journal().append(entry);
        assertEquals(entry, journal().find(TENANT, entry.id()).orElseThrow());
    }

    @Test
    void entriesAppendedTogetherAreEachKept() {
        List<MergeJournalEntry> entries = List.of(anEntry(TENANT, T0), anEntry(TENANT, T0), anEntry(TENANT, T0));
        journal().appendAll(entries);

        for (MergeJournalEntry entry : entries) {
            assertEquals(entry, journal().find(TENANT, entry.id()).orElseThrow());
        }
    }

    @Test
    void anUndoneEntryKeepsItsImages() {
        MergeJournalEntry entry = anEntry(TENANT, T0);
        journal().append(entry);
        journal().markUndone(TENANT, entry.id());
        assertEquals(entry.undone(), journal().find(TENANT, entry.id()).orElseThrow());
    }

    @Test
    void anotherTenantCanNeitherReadNorUndoAnEntry() {
        MergeJournalEntry entry = anEntry(TENANT, T0);
        journal().append(entry);
        assertTrue(journal().find(OTHER, entry.id()).isEmpty());
        journal().markUndone(OTHER, entry.id());
        assertEquals(MergeState.APPLIED, journal().find(TENANT, entry.id()).orElseThrow().state());
    }

    @Test
    void recentEntriesComeNewestFirstWithinTheLimit() {
        TenantId tenant = new TenantId("journal-" + UUID.randomUUID().toString().substring(0, 8));
        MergeJournalEntry old = anEntry(tenant, T0);
        MergeJournalEntry newer = anEntry(tenant, T0.plus(Duration.ofHours(1)));
        MergeJournalEntry newest = anEntry(tenant, T0.plus(Duration.ofHours(2)));
        journal().append(newer);
        journal().append(old);
        journal().append(newest);
        assertEquals(List.of(newest, newer), journal().recent(tenant, 2));
    }
}
