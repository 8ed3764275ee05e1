package org.dedup.ml.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.dedup.domain.testing.InMemorySearchStores;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.LabelledPair;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantDecisionsTest {
    private final InMemoryMergeJournal journal = new InMemoryMergeJournal();
    private final InMemorySearchStores marks = new InMemorySearchStores();
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    private final RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
    private final TenantDecisions decisions = new TenantDecisions(journal, marks, leads,
            lead -> standardizer.lead(lead, StandardizationOptions.defaults()),
            LeadPersons.configured(RecordSchema.people(), MatcherConfig.empty("big_data")));

    private void merged(Lead survivor, Lead absorbed, MergeState state) {
        journal.append(new MergeJournalEntry(MergeId.random(), survivor.tenant(), T0, MergeKind.MANUAL, survivor,
                survivor, List.of(absorbed), List.of(), List.of(), List.of(), state));
    }

    @Test
    void aMergeInEffectTeachesADuplicateAndAnUndoneMergeADifference() {
        merged(aLead().withContactName("Maria Lopez").build(), aLead().withContactName("Maria Lopes").build(),
                MergeState.APPLIED);
        merged(aLead().withContactName("Ivan Petrov").build(), aLead().withContactName("Olga Petrova").build(),
                MergeState.UNDONE);
        Map<String, Boolean> labels = new HashMap<>();
        for (LabelledPair pair : decisions.pairs(TENANT, 100)) {
            labels.put(pair.pair().second().value(Attribute.GIVEN_NAME), pair.match());
        }
        assertEquals(Map.of("maria", true, "olga", false), labels);
    }

    @Test
    void aPairMarkedNotADuplicateTeachesADifference() {
        Lead first = aLead().withContactName("John Smith").build();
        Lead second = aLead().withContactName("John Smith").withEmail("other@x.io").build();
        leads.insert(first, Set.of());
        leads.insert(second, Set.of());
        marks.mark(TENANT, new RecordPair(first.id(), second.id()));
        List<LabelledPair> pairs = decisions.pairs(TENANT, 100);
        assertEquals(1, pairs.size());
        assertEquals(false, pairs.getFirst().match());
    }

    @Test
    void anotherTenantsDecisionsAreNeverRead() {
        Lead survivor = aLead().in(new TenantId("other")).withContactName("Maria Lopez").build();
        merged(survivor, aLead().in(new TenantId("other")).withContactName("Maria Lopes").build(),
                MergeState.APPLIED);
        assertEquals(List.of(), decisions.pairs(TENANT, 100));
    }
}
