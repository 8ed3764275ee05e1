package org.dedup.app.http;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatcherFailure;

/** The JSON form of a decision: what happened, to which leads, and why (candidates with explanations). */
public record DecisionView(String outcome, UUID lead, List<UUID> mergedInto, String method, String timing,
                           List<UUID> merges, List<CandidateView> candidates, List<String> failures) {

    public record CandidateView(UUID lead, String method, String verdict, double score,
                                List<Map<String, Object>> explanation) {
    }

    public static DecisionView of(Decision decision) {
        List<CandidateView> candidates = decision.candidates().stream().map(DecisionView::candidate).toList();
        List<String> failures = decision.failures().stream().map(DecisionView::failure).toList();
        UUID lead = decision.lead().value();
        return switch (decision) {
            case Decision.Merged m -> new DecisionView("merged", lead,
                    m.mergedInto().stream().map(id -> id.value()).toList(), m.method().id(),
                    m.timing().name().toLowerCase(java.util.Locale.ROOT),
                    m.merges().stream().map(id -> id.value()).toList(), candidates, failures);
            case Decision.Created c -> simple("created", lead, candidates, failures);
            case Decision.SkippedTooManyMatches s -> simple("skipped_too_many_matches", lead, candidates, failures);
            case Decision.PendingReview p -> simple("pending_review", lead, candidates, failures);
            case Decision.Updated u -> simple("updated", lead, candidates, failures);
        };
    }

    private static DecisionView simple(String outcome, UUID lead, List<CandidateView> candidates, List<String> failures) {
        return new DecisionView(outcome, lead, List.of(), null, null, List.of(), candidates, failures);
    }

    public static CandidateView candidate(MatchCandidate c) {
        return new CandidateView(c.record().value(), c.method().id(), c.verdict().name().toLowerCase(java.util.Locale.ROOT),
                c.score(), c.explanation().stream().map(f -> Map.<String, Object>of("field", f.field(),
                "incoming", f.incomingValue(), "candidate", f.candidateValue(), "comparison", f.comparison(),
                "similarity", f.similarity())).toList());
    }

    static String failure(MatcherFailure failure) {
        return failure.method().id() + ": " + failure.reason();
    }
}
