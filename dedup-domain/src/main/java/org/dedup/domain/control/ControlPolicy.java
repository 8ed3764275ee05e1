package org.dedup.domain.control;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** BIG DATA checks chats on arrival; other channels only after the lead was added. */
    static Set<MatchMethod> arrivalMethods(DuplicateControlSettings settings, SourceChannel source) {
        Set<MatchMethod> methods = new HashSet<>(settings.methods());
        if (source != SourceChannel.CHAT) {
            methods.remove(MatchMethod.BIG_DATA);
        }
        return methods;
    }

    /** BIG DATA may merge only when the lead or its duplicate is in an incoming-leads stage. */
    static Findings bigDataNeedsIncomingStage(Lead lead, Findings findings) {
        return new Findings(findings.candidates().stream()
                .filter(c -> !c.method().equals(MatchMethod.BIG_DATA) || lead.inIncomingLeadsStage()
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
