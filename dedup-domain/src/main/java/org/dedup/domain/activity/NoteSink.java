package org.dedup.domain.activity;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;

/** Port: a lead's notes, such as the merge note. */
public interface NoteSink {

    void add(Note note);

    List<Note> notesOf(TenantId tenant, LeadId lead);

    void move(TenantId tenant, UUID note, LeadId to);

    void remove(TenantId tenant, UUID note);
}
