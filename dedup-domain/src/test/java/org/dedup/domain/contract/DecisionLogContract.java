package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog.KeyedDecision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Test;

/** What every {@link DecisionLog} adapter does: idempotency keys are unique per tenant, and nothing leaks across. */
public abstract class DecisionLogContract {
    private static final TenantId OTHER = new TenantId("globex");

    protected abstract DecisionLog decisions();

    private static Decision merged() {
        return new Decision.Merged(List.of(LeadId.random()), MatchMethod.EMAIL, MergeTiming.ON_ARRIVAL,
                List.of(MergeId.random()), List.of(new MatchCandidate(LeadId.random(), MatchMethod.EMAIL,
                Verdict.DUPLICATE, 1.0, List.of(FieldMatch.equal("email", "a@x.io")))),
                List.of(new MatcherFailure(KommoMethods.BIG_DATA, "timed out")));
    }

    private static IdempotencyKey aKey() {
        return new IdempotencyKey("k-" + UUID.randomUUID());
    }

    @Test
    void aDecisionIsFoundByItsIdempotencyKey() {
        Decision decision = merged();
        IdempotencyKey key = aKey();
        decisions().record(TENANT, key, decision, T0);
        assertEquals(decision, decisions().findByIdempotencyKey(TENANT, key).orElseThrow().decision());
    }

    @Test
    void decisionsRecordedTogetherAreFoundByTheirKeysAndOnlyInTheirTenant() {
        TenantId tenant = new TenantId("together-" + UUID.randomUUID().toString().substring(0, 8));
        IdempotencyKey first = aKey();
        IdempotencyKey second = aKey();
        Decision keyed = merged();
        Decision alsoKeyed = new Decision.Created(LeadId.random(), List.of(), List.of());
        decisions().recordAll(List.of(new DecisionLog.Recording(tenant, Optional.of(first), keyed, T0),
                new DecisionLog.Recording(tenant, Optional.empty(), merged(), T0),
                new DecisionLog.Recording(tenant, Optional.of(second), alsoKeyed, T0)));

        assertEquals(Map.of(first, new KeyedDecision(keyed, Optional.empty()),
                second, new KeyedDecision(alsoKeyed, Optional.empty())), decisions().findByIdempotencyKeys(tenant,
                List.of(first, second, aKey())));
        assertEquals(Map.of(), decisions().findByIdempotencyKeys(OTHER, List.of(first, second)));
        assertEquals(3, decisions().recent(tenant, 10).size());
    }

    @Test
    void aKeyedDecisionKeepsTheFingerprintOfItsRequest() {
        TenantId tenant = new TenantId("fingerprint-" + UUID.randomUUID().toString().substring(0, 8));
        RequestFingerprint one = RequestFingerprint.of("{\"name\":\"Ann\"}");
        RequestFingerprint other = RequestFingerprint.of("{\"name\":\"Bob\"}");
        IdempotencyKey alone = aKey();
        IdempotencyKey first = aKey();
        IdempotencyKey second = aKey();
        Decision decision = merged();
        decisions().record(tenant, alone, Optional.of(one), decision, T0);
        decisions().recordAll(List.of(new DecisionLog.Recording(tenant, Optional.of(first), Optional.of(other),
                        decision, T0), new DecisionLog.Recording(tenant, Optional.of(second), decision, T0)));

        assertEquals(new KeyedDecision(decision, Optional.of(one)),
                decisions().findByIdempotencyKey(tenant, alone).orElseThrow());
        assertEquals(Map.of(first, new KeyedDecision(decision, Optional.of(other)),
                        second, new KeyedDecision(decision, Optional.empty())),
                decisions().findByIdempotencyKeys(tenant, List.of(first, second)));
    }

    @Test
    void anIdempotencyKeyCannotBeRecordedTwiceAndTheFirstDecisionStays() {
        Decision first = merged();
        IdempotencyKey key = aKey();
        decisions().record(TENANT, key, first, T0);
        assertThrows(DedupException.class, () -> decisions().record(TENANT, key,
                new Decision.Created(LeadId.random(), List.of(), List.of()), T0));
        assertEquals(first, decisions().findByIdempotencyKey(TENANT, key).orElseThrow().decision());
    }

    @Test
    void anotherTenantMayUseTheSameKeyAndNeverSeesTheFirstTenantsDecision() {
        IdempotencyKey key = aKey();
        decisions().record(TENANT, key, merged(), T0);
        assertTrue(decisions().findByIdempotencyKey(OTHER, key).isEmpty());
        Decision theirs = new Decision.Created(LeadId.random(), List.of(), List.of());
        decisions().record(OTHER, key, theirs, T0);
        assertEquals(theirs, decisions().findByIdempotencyKey(OTHER, key).orElseThrow().decision());
    }

    @Test
    void recentDecisionsComeNewestFirstWithinTheLimit() {
        TenantId tenant = new TenantId("recent-" + UUID.randomUUID().toString().substring(0, 8));
        Decision oldest = new Decision.Created(LeadId.random(), List.of(), List.of());
        Decision middle = new Decision.PendingReview(LeadId.random(), List.of(), List.of());
        Decision newest = new Decision.SkippedTooManyMatches(LeadId.random(), 3, List.of(), List.of());
        decisions().record(tenant, oldest, T0);
        decisions().record(tenant, newest, T0.plus(Duration.ofMinutes(2)));
        decisions().record(tenant, middle, T0.plus(Duration.ofMinutes(1)));

        assertEquals(List.of(new DecisionLog.LoggedDecision(tenant, newest, T0.plus(Duration.ofMinutes(2))),
                        new DecisionLog.LoggedDecision(tenant, middle, T0.plus(Duration.ofMinutes(1)))),
                decisions().recent(tenant, 2));
    }
}
