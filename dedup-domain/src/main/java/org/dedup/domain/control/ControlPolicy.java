package org.dedup.domain.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;

/**
 * The Kommo rules that turn findings into merge targets, shared by duplicate control and its dry run so that a
 * preview decides exactly as an arrival would.
 */
final class ControlPolicy {
    private ControlPolicy() {
    }

    /** The enabled methods that check a lead from {@code source} on arrival, before it is stored. */
    static Set<MatchMethod> arrivalMethods(InstalledMatchers matchers, DuplicateControlSettings settings,
                                           SourceChannel source) {
        return matchers.enabledWhere(settings, traits -> traits.checksOnArrival(source));
    }

    /** The enabled methods that check a lead from {@code source} right after it was added. */
    static Set<MatchMethod> afterAddMethods(InstalledMatchers matchers, DuplicateControlSettings settings,
                                            SourceChannel source) {
        return matchers.enabledWhere(settings, traits -> traits.checksAfterAdd(source));
    }

    /** The enabled methods that check a lead again after it was updated. */
    static Set<MatchMethod> afterUpdateMethods(InstalledMatchers matchers, DuplicateControlSettings settings) {
        return matchers.enabledWhere(settings, ControlTraits::checksAfterUpdate);
    }

    /**
     * Drops the candidates of the methods that merge only where an incoming-leads stage is involved, unless the
     * lead or the candidate is in such a stage.
     */
    static Findings incomingStageCondition(InstalledMatchers matchers, Lead lead, Findings findings) {
        return new Findings(findings.candidates().stream()
                .filter(c -> !matchers.traits(c.method()).mergesOnlyWithIncomingStage() || lead.inIncomingLeadsStage()
                        || findings.leads().get((LeadId) c.record()).inIncomingLeadsStage())
                .toList(), findings.leads());
    }

    static List<Lead> targets(List<Lead> duplicates, DuplicateControlSettings settings) {
        if (duplicates.size() == 1) {
            return duplicates;
        }
        return switch (settings.multiMatchPolicy()) {
            case UPDATE_ALL -> duplicates;
            case UPDATE_NEWEST -> List.of(duplicates.stream().max(Comparator.comparing(Lead::createdAt)
                    .thenComparing(l -> l.id().value())).orElseThrow());
            case CREATE_NEW -> List.of();
        };
    }

    static MatchMethod strongestMethod(List<Lead> targets, Findings findings) {
        return targets.stream().map(findings::bestFor).flatMap(Optional::stream)
                .max(Comparator.comparingDouble(MatchCandidate::score)).map(MatchCandidate::method)
                .orElseThrow();
    }
}
