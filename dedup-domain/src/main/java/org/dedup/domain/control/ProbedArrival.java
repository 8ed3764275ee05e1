package org.dedup.domain.control;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.standardize.LeadProfile;

/**
 * An arrival made a lead and standardized, with the probe keys of each matcher that checks it and the failures of
 * those that could not, ready to be decided; and, when methods check its channel right after the lead was added, the
 * probe keys of that check ({@code afterAdd}), made from the lead as it arrived, which is the lead stored when it is
 * not merged on arrival.
 */
record ProbedArrival(Lead lead, LeadProfile profile, MatchContext context, Map<Matcher, Set<MatchKey>> probes,
                     Optional<LaterProbes> afterAdd, Optional<IdempotencyKey> key,
                     Optional<RequestFingerprint> fingerprint, Optional<String> actor, Instant now,
                     List<MatcherFailure> failures) {

    DuplicateControlSettings settings() {
        return context.settings();
    }

    /** The first decision under this arrival's idempotency key, when {@code earlier} is one: its replay. */
    Optional<Decision> replayOf(Optional<DecisionLog.KeyedDecision> earlier) {
        return earlier.map(first -> first.replayedFor(lead.tenant(), key.orElseThrow(), fingerprint));
    }

    /**
     * The check right after the lead was added that follows {@code decision}, when one does: a lead merged on arrival
     * was not added.
     */
    Optional<LaterProbes> afterAddCheck(Decision decision) {
        return decision instanceof Decision.Merged ? Optional.empty() : afterAdd;
    }

    /**
     * How this arrival's decisions are recorded: the decision on arrival and, when the check right after the add merged
     * the lead, that merge ({@code afterAdd}, taken at {@code checkedAt}). The idempotency key goes with the last of
     * them, the answer the request was given, so that a retry is answered as the request was.
     */
    List<DecisionLog.Recording> recordings(Decision onArrival, Optional<Decision> afterAdd, Instant checkedAt) {
        if (afterAdd.isEmpty()) {
            return List.of(answer(onArrival, now));
        }
        return List.of(new DecisionLog.Recording(lead.tenant(), Optional.empty(), Optional.empty(), onArrival, now,
                actor), answer(afterAdd.get(), checkedAt));
    }

    /** The recording of the decision this arrival was answered with, under its idempotency key. */
    private DecisionLog.Recording answer(Decision decision, Instant at) {
        return new DecisionLog.Recording(lead.tenant(), key, fingerprint, decision, at, actor);
    }

    /**
     * The keys to lock before deciding: the probe keys, those of the check right after the add, and the idempotency
     * key, so a retry waits for the first.
     */
    Set<MatchKey> lockKeys() {
        Set<MatchKey> keys = new HashSet<>(CandidateSearch.allKeys(probes));
        afterAdd.ifPresent(later -> keys.addAll(later.lockKeys()));
        key.ifPresent(k -> keys.add(new MatchKey("idempotency", k.value())));
        return keys;
    }
}
