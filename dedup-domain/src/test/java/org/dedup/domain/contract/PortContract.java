package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.Task;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.control.AfterMerge;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.DuplicateControlSettings;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.control.SearchScope;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.merge.MovedActivity;
import org.dedup.domain.merge.SurvivorshipRule;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.StaleRecordException;
import org.junit.jupiter.api.Test;

/**
 * The contract every adapter of the storage ports honours: run against the in-memory fakes, H2 and PostgreSQL.
 * Subclasses give fresh, empty storage for each test class.
 */
public abstract class PortContract {
    protected static final TenantId OTHER = new TenantId("globex");

    protected abstract LeadRepository leads();

    protected abstract DecisionLog decisions();

    protected abstract MergeJournal journal();

    protected abstract TaskSink tasks();

    protected abstract NoteSink notes();

    protected abstract SettingsStore settings();

    private static Instant now() {
        return Instant.parse("2026-03-01T12:00:00Z");
    }

    private Lead storedLead(String email) {
        Lead lead = aLead().withEmail(email).withPhone("+44 20 7946 0958").withPixel("px")
                .withLeadField("budget", CustomFieldValue.number("12.50")).withCompany("Acme", "acme.com").build();
        leads().insert(lead, Set.of(new MatchKey("primary_email", email)));
        return lead;
    }

    @Test
    void aStoredLeadIsReadBackWithItsContactsAndFields() {
        Lead lead = storedLead("read@x.io");
        assertEquals(lead, leads().find(TENANT, lead.id()).orElseThrow());
        assertEquals(List.of(lead), leads().findAll(TENANT, List.of(lead.id(), LeadId.random())));
    }

    @Test
    void leadsAreFoundByAnyOfTheirKeysWithinTheScope() {
        Lead sales = storedLead("key@x.io");
        Lead support = aLead().inStage(PipelineStage.of("support", "new")).build();
        leads().insert(support, Set.of(new MatchKey("primary_email", "key@x.io")));

        assertEquals(Set.of(sales.id(), support.id()), Set.copyOf(leads().findByKeys(TENANT,
                List.of(new MatchKey("primary_email", "key@x.io"), new MatchKey("x", "y")), SearchScope.everything(), 10)));
        assertEquals(List.of(support.id()), leads().findByKeys(TENANT, List.of(new MatchKey("primary_email", "key@x.io")),
                new SearchScope(Map.of("support", Set.of())), 10));
        assertEquals(1, leads().findByKeys(TENANT, List.of(new MatchKey("primary_email", "key@x.io")),
                SearchScope.everything(), 1).size());
    }

    @Test
    void anUpdateReplacesValuesAndKeysAndAStaleUpdateIsRefused() {
        Lead lead = storedLead("old@x.io");
        Lead changed = lead.withName("renamed").touched(now());
        leads().update(changed, Set.of(new MatchKey("primary_email", "new@x.io")));

        assertEquals(changed, leads().find(TENANT, lead.id()).orElseThrow());
        assertTrue(leads().findByKeys(TENANT, List.of(new MatchKey("primary_email", "old@x.io")),
                SearchScope.everything(), 10).isEmpty());
        assertThrows(StaleRecordException.class, () -> leads().update(lead.withName("lost").touched(now()), Set.of()));
    }

    @Test
    void aDeletedLeadAndItsKeysAreGone() {
        Lead lead = storedLead("gone@x.io");
        assertThrows(StaleRecordException.class, () -> leads().delete(TENANT, lead.id(), lead.version() + 5));
        leads().delete(TENANT, lead.id(), lead.version());
        assertTrue(leads().find(TENANT, lead.id()).isEmpty());
        assertTrue(leads().findByKeys(TENANT, List.of(new MatchKey("primary_email", "gone@x.io")),
                SearchScope.everything(), 10).isEmpty());
    }

    @Test
    void anotherTenantCanNeitherReadNorMatchNorChangeALead() {
        Lead lead = storedLead("mine@x.io");
        assertTrue(leads().find(OTHER, lead.id()).isEmpty());
        assertTrue(leads().findAll(OTHER, List.of(lead.id())).isEmpty());
        assertTrue(leads().findByKeys(OTHER, List.of(new MatchKey("primary_email", "mine@x.io")),
                SearchScope.everything(), 10).isEmpty());
        Lead foreign = new Lead(lead.id(), OTHER, "stolen", lead.stage(), lead.source(), lead.pixels(), lead.contacts(),
                lead.companies(), lead.customFields(), lead.createdAt(), now(), lead.version() + 1);
        assertThrows(StaleRecordException.class, () -> leads().update(foreign, Set.of()));
        assertThrows(StaleRecordException.class, () -> leads().delete(OTHER, lead.id(), lead.version()));
        assertEquals(lead, leads().find(TENANT, lead.id()).orElseThrow());
    }

    @Test
    void forEachVisitsEveryLeadOfTheTenantOnlyInPages() {
        TenantId tenant = new TenantId("paged-" + UUID.randomUUID().toString().substring(0, 8));
        List<LeadId> stored = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            Lead lead = aLead().in(tenant).build();
            leads().insert(lead, Set.of());
            stored.add(lead.id());
        }
        List<LeadId> visited = new ArrayList<>();
        leads().forEach(tenant, lead -> visited.add(lead.id()));
        assertEquals(Set.copyOf(stored), Set.copyOf(visited));
        assertEquals(stored.size(), visited.size());
        assertEquals(1_205, leads().count(tenant));
    }

    @Test
    void aDecisionIsFoundByItsIdempotencyKeyAndTheKeyCannotBeReused() {
        Decision decision = new Decision.Merged(List.of(LeadId.random()), MatchMethod.EMAIL, MergeTiming.ON_ARRIVAL,
                List.of(MergeId.random()), List.of(new MatchCandidate(LeadId.random(), MatchMethod.EMAIL,
                Verdict.DUPLICATE, 1.0, List.of(FieldMatch.equal("email", "a@x.io")))), List.of());
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        decisions().record(TENANT, key, decision, now());

        assertEquals(decision, decisions().findByIdempotencyKey(TENANT, key).orElseThrow());
        assertTrue(decisions().findByIdempotencyKey(OTHER, key).isEmpty());
        assertThrows(RuntimeException.class, () -> decisions().record(TENANT, key, decision, now()));
    }

    @Test
    void aJournalEntryKeepsItsImagesAndCanBeMarkedUndone() {
        Lead before = aLead().withEmail("j@x.io").build();
        Lead after = before.withName("merged").touched(now());
        MergeJournalEntry entry = new MergeJournalEntry(MergeId.random(), TENANT, now(), MergeKind.MANUAL, before,
                after, List.of(aLead().build()), List.of(new FieldProvenance("name", "merged", before.id(),
                SurvivorshipRule.MANUAL)), List.of(new MovedActivity(MovedActivity.ActivityKind.TASK,
                UUID.randomUUID(), LeadId.random(), before.id())), List.of(UUID.randomUUID()), MergeState.APPLIED);
        journal().append(entry);

        assertEquals(entry, journal().find(TENANT, entry.id()).orElseThrow());
        assertTrue(journal().find(OTHER, entry.id()).isEmpty());
        journal().markUndone(TENANT, entry.id());
        assertEquals(MergeState.UNDONE, journal().find(TENANT, entry.id()).orElseThrow().state());
    }

    @Test
    void tasksAndNotesMoveBetweenLeadsAndCanBeRemoved() {
        LeadId from = LeadId.random();
        LeadId to = LeadId.random();
        Task task = new Task(UUID.randomUUID(), TENANT, from, "Call", now().plus(Duration.ofHours(1)), "me", now());
        Note note = new Note(UUID.randomUUID(), TENANT, from, "Merged", now());
        tasks().add(task);
        notes().add(note);

        tasks().move(TENANT, task.id(), to);
        notes().move(TENANT, note.id(), to);

        assertEquals(List.of(task.movedTo(to)), tasks().tasksOf(TENANT, to));
        assertEquals(List.of(note.movedTo(to)), notes().notesOf(TENANT, to));
        assertTrue(tasks().tasksOf(OTHER, to).isEmpty());
        tasks().remove(TENANT, task.id());
        notes().remove(TENANT, note.id());
        assertTrue(tasks().tasksOf(TENANT, to).isEmpty());
        assertTrue(notes().notesOf(TENANT, to).isEmpty());
    }

    @Test
    void settingsDefaultUntilSavedAndAreKeptPerTenant() {
        TenantId tenant = new TenantId("settings-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(DuplicateControlSettings.defaults(), settings().settings(tenant));
        DuplicateControlSettings changed = DuplicateControlSettings.defaults().withMergeLimit(5)
                .withAfterMerge(new AfterMerge.CreateTask("Call", Duration.ofHours(2), "owner"));
        settings().saveSettings(tenant, changed);
        settings().saveSettings(tenant, changed);

        assertEquals(changed, settings().settings(tenant));
        assertEquals(DuplicateControlSettings.defaults(), settings().settings(OTHER));
    }
}
