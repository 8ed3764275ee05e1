package org.dedup.domain.control;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.settings.MatchMethod;

/** What the matchers found for one lead: every candidate (best first) and the stored leads they point at. */
public record Findings(List<MatchCandidate> candidates, Map<LeadId, Lead> leads) {
    public Findings {
        candidates = Require.copy(candidates, "candidates").stream()
                .sorted(Comparator.comparingDouble(MatchCandidate::score).reversed()).toList();
        leads = Map.copyOf(leads);
    }

    /** Distinct leads some matcher called a DUPLICATE, best first. */
    public List<Lead> duplicates() {
        return candidates.stream().filter(c -> c.verdict() == Verdict.DUPLICATE)
                .map(c -> leads.get((LeadId) c.record()))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    }

    public boolean hasPossibleDuplicates() {
        return candidates.stream().anyMatch(c -> c.verdict() == Verdict.POSSIBLE_DUPLICATE);
    }

    /** The strongest DUPLICATE candidate pointing at {@code lead}. */
    public Optional<MatchCandidate> bestFor(Lead lead) {
        return candidates.stream().filter(c -> c.verdict() == Verdict.DUPLICATE && c.record().equals(lead.id()))
                .findFirst();
    }

    /** The strongest DUPLICATE candidate pointing at {@code lead} found by a method {@code addsMergeNote}. */
    public Optional<MatchCandidate> noteWorthyFor(Lead lead, Predicate<MatchMethod> addsMergeNote) {
        return candidates.stream().filter(c -> c.verdict() == Verdict.DUPLICATE && c.record().equals(lead.id())
                && addsMergeNote.test(c.method())).findFirst();
    }
}
