package org.dedup.ml.matcher;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * The BIG DATA method over a whole tenant, for bulk search: the records of the kinds the model's schema compares
 * ({@link LeadPersons#compares}) are blocked by the model's own blocking keys ({@link MatchModel#blocker()}, blocks
 * of at most the size training used) and each candidate pair is scored once, each record prepared once. A pair at or
 * above the merge threshold that no evidence rule forbids links its records; one at or above the review threshold
 * is left to review; one below it keeps its records apart.
 */
final class BigDataLinker implements RecordLinker {
    private final MatchModel model;
    private final LeadPersons persons;

    BigDataLinker(MatchModel model, LeadPersons persons) {
        this.model = model;
        this.persons = persons;
    }

    @Override
    public ScoredPairs score(List<ScannedRecord> records) {
        List<PersonRecord> compared = new ArrayList<>();
        Map<PersonRecord, Integer> positionOf = new IdentityHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int position = i;
            person(records.get(i)).ifPresent(person -> {
                compared.add(person);
                positionOf.put(person, position);
            });
        }
        PreparedRecord[] prepared = new PreparedRecord[records.size()];
        ScoredPairs scored = new ScoredPairs((a, b, probability) -> explain(prepared[a], prepared[b],
                probability));
        for (PersonPair pair : model.blocker().dedupPairs(compared)) {
            int a = positionOf.get(pair.first());
            int b = positionOf.get(pair.second());
            PreparedRecord first = prepared(prepared, a, pair.first());
            PreparedRecord second = prepared(prepared, b, pair.second());
            double probability = model.probability(first, second);
            scored.add(a, b, probability, level(probability, pair));
        }
        return scored;
    }

    /** The model's blocking keys of the record, the same as {@link #score} blocks by. */
    @Override
    public Optional<Blocking> blocking() {
        Blocker blocker = model.blocker();
        return Optional.of(new Blocking() {
            @Override
            public Set<String> keys(ScannedRecord record) {
                return person(record).map(person -> blocker.keys().of(person)).orElse(Set.of());
            }

            @Override
            public int maxBlock() {
                return blocker.maxBlock();
            }
        });
    }

    private PreparedRecord prepared(PreparedRecord[] prepared, int position, PersonRecord person) {
        if (prepared[position] == null) {
            prepared[position] = model.prepare(person);
        }
        return prepared[position];
    }

    private ScoredPairs.Level level(double probability, PersonPair pair) {
        if (probability >= model.thresholds().merge()
                && model.brokenRule(pair.first(), pair.second()).isEmpty()) {
            return ScoredPairs.Level.MERGE;
        }
        return probability >= model.thresholds().review() ? ScoredPairs.Level.REVIEW : ScoredPairs.Level.APART;
    }

    /** The explanation of a pair this linker scored: both records were prepared when it was. */
    private List<FieldMatch> explain(PreparedRecord a, PreparedRecord b, double probability) {
        return PairExplanations.of(model, a, b, probability, model.brokenRule(a.record(), b.record()));
    }

    private Optional<PersonRecord> person(ScannedRecord record) {
        if (!persons.compares(record.ref().kind())) {
            return Optional.empty();
        }
        return Optional.of(switch (record) {
            case ScannedRecord.OfLead lead -> persons.person(lead.lead());
            case ScannedRecord.OfParty party -> persons.person(party.party(), party.profile());
        });
    }
}
