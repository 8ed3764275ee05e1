package org.dedup.ml.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.LeadRepository;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Labelled pairs from what a tenant's people decided, so a model learns each account's notion of a duplicate:
 * a merge still in effect says its leads were duplicates, an undone merge that they were not, and a pair marked
 * "not a duplicate" that its two leads are different. The leads are taken as they were at the merge (the
 * journal's before-images) or as stored now (marked pairs). Reads the tenant's own records only.
 */
public final class TenantDecisions {
    private final MergeJournal journal;
    private final NotDuplicateStore notDuplicates;
    private final LeadRepository leads;
    private final Function<Lead, LeadProfile> profiles;
    private final LeadPersons persons;

    public TenantDecisions(MergeJournal journal, NotDuplicateStore notDuplicates, LeadRepository leads,
                           Function<Lead, LeadProfile> profiles, LeadPersons persons) {
        this.journal = journal;
        this.notDuplicates = notDuplicates;
        this.leads = leads;
        this.profiles = profiles;
        this.persons = persons;
    }

    /** The pairs of the newest {@code maxMerges} journaled merges and of every "not a duplicate" mark. */
    public List<LabelledPair> pairs(TenantId tenant, int maxMerges) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (MergeJournalEntry merge : journal.recent(tenant, maxMerges)) {
            PersonRecord survivor = person(merge.survivorBefore());
            for (Lead absorbed : merge.absorbed()) {
                pairs.add(new LabelledPair(new PersonPair(survivor, person(absorbed)),
                        merge.state() == MergeState.APPLIED));
            }
        }
        List<LeadId> marked = new ArrayList<>();
        List<RecordPair> leadPairs = notDuplicates.all(tenant).stream()
                .filter(p -> p.first() instanceof LeadId && p.second() instanceof LeadId).toList();
        leadPairs.forEach(p -> {
            marked.add((LeadId) p.first());
            marked.add((LeadId) p.second());
        });
        Map<LeadId, Lead> stored = new HashMap<>();
        leads.findAll(tenant, marked).forEach(lead -> stored.put(lead.id(), lead));
        for (RecordPair pair : leadPairs) {
            Lead first = stored.get((LeadId) pair.first());
            Lead second = stored.get((LeadId) pair.second());
            if (first != null && second != null) {
                pairs.add(new LabelledPair(new PersonPair(person(first), person(second)), false));
            }
        }
        return pairs;
    }

    private PersonRecord person(Lead lead) {
        return persons.person(profiles.apply(lead));
    }
}
