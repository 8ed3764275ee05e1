package org.dedup.persistence.activity;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.jooq.tables.records.ActivityRecord;
import org.jooq.DSLContext;

/** Notes of leads, such as the merge note: rows of kind "note" in {@code activity}. */
public final class JooqNoteSink implements NoteSink {
    private final ActivityTable table;

    public JooqNoteSink(DSLContext dsl) {
        this.table = new ActivityTable(dsl, "note");
    }

    @Override
    public void add(Note note) {
        ActivityRecord row = new ActivityRecord();
        row.setLeadId(note.lead().value());
        row.setText(note.text());
        row.setCreatedAt(time(note.createdAt()));
        table.add(note.tenant(), note.id(), row);
    }

    @Override
    public List<Note> notesOf(TenantId tenant, LeadId lead) {
        return table.of(tenant, lead, r -> new Note(r.getId(), tenant, lead, r.getText(), instant(r.getCreatedAt())));
    }

    @Override
    public void move(TenantId tenant, UUID note, LeadId to) {
        table.move(tenant, note, to);
    }

    @Override
    public void remove(TenantId tenant, UUID note) {
        table.remove(tenant, note);
    }
}
