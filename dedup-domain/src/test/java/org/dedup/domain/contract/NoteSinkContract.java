package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.junit.jupiter.api.Test;

/** What every {@link NoteSink} adapter does. */
public abstract class NoteSinkContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract NoteSink notes();

    private static Note aNote(LeadId lead, String text, int minute) {
        return new Note(UUID.randomUUID(), TENANT, lead, text, T0.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void aLeadListsItsOwnNotesOnly() {
        LeadId lead = LeadId.random();
        Note second = aNote(lead, "Merged again", 2);
        Note first = aNote(lead, "Merged by email", 1);
        notes().add(second);
        notes().add(first);
        notes().add(aNote(LeadId.random(), "Elsewhere", 0));
        assertEquals(Set.of(first, second), Set.copyOf(notes().notesOf(TENANT, lead)));
    }

    @Test
    void aMovedNoteBelongsToItsNewLeadAndARemovedNoteIsGone() {
        LeadId from = LeadId.random();
        LeadId to = LeadId.random();
        Note note = aNote(from, "Merged", 0);
        notes().add(note);
        notes().move(TENANT, note.id(), to);
        assertEquals(List.of(note.movedTo(to)), notes().notesOf(TENANT, to));
        assertTrue(notes().notesOf(TENANT, from).isEmpty());
        notes().remove(TENANT, note.id());
        assertTrue(notes().notesOf(TENANT, to).isEmpty());
    }

    @Test
    void anotherTenantCanNeitherSeeNorMoveNorRemoveANote() {
        LeadId lead = LeadId.random();
        Note note = aNote(lead, "Merged", 0);
        notes().add(note);
        assertTrue(notes().notesOf(OTHER, lead).isEmpty());
        notes().move(OTHER, note.id(), LeadId.random());
        notes().remove(OTHER, note.id());
        assertEquals(List.of(note), notes().notesOf(TENANT, lead));
    }
}
