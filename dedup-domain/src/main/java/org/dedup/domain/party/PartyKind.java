package org.dedup.domain.party;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;

/** What a merge of contacts, or of companies, needs to know of its kind of record. */
public sealed interface PartyKind<P extends Party> permits ContactKind, CompanyKind {

    RecordKind kind();

    Class<P> type();

    /** The stored records among {@code ids}. */
    List<P> findAll(TenantId tenant, List<RecordRef> ids);

    /** Stores (inserts or replaces) the record with its search keys. */
    void save(TenantId tenant, P record);

    void delete(TenantId tenant, RecordRef id);

    /** The survivor's new values from all {@code records} (survivor first), each decided field in {@code provenance}. */
    P merged(List<P> records, Map<String, RecordRef> choices, PartySurvivorship survivorship,
             List<FieldProvenance> provenance);

    /** Ids of the leads that link any of {@code records}, at most {@code limit}, by an indexed lookup. */
    List<LeadId> linking(LeadRepository leads, TenantId tenant, Set<RecordRef> records, int limit);

    /** {@code lead} with its links to any of {@code absorbed} (and to the survivor) pointing at {@code survivor}. */
    Lead relinked(Lead lead, Set<RecordRef> absorbed, P survivor);
}
