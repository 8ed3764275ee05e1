package org.dedup.matchers.runtime;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.matchers.builtin.EmailMatcher;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.Test;

/** Duplicate control with the time-budget guard the application runs matchers under. */
class TimeBudgetMatcherGuardTest {
    private static final MatchMethod BROKEN = new MatchMethod("broken_plugin");
    private static final MatchMethod SLOW = new MatchMethod("slow_plugin");

    /** A plugin that fails in the way its method says: by throwing or by never answering. */
    private record MisbehavingMatcher(MatchMethod method, boolean hangs) implements Matcher {
        @Override
        public Set<MatchKey> indexKeys(LeadProfile stored) {
            return Set.of();
        }

        @Override
        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
            if (hangs) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new IllegalStateException("plugin bug");
        }

        @Override
        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
            throw new IllegalStateException("plugin bug");
        }
    }

    @Test
    void aFailingOrHangingPluginIsReportedAndTheLeadIsNeverLost() {
        DuplicateControlFixture fixture = new DuplicateControlFixture(new CreatioCompatibleStandardizer(),
                List.of(new EmailMatcher(), new MisbehavingMatcher(BROKEN, false), new MisbehavingMatcher(SLOW, true)),
                new TimeBudgetMatcherGuard(Duration.ofMillis(300)));
        fixture.enable(MatchMethod.EMAIL, BROKEN, SLOW);
        var existing = fixture.stored(aLead().withEmail("jane@x.io"));

        Decision decision = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());
        Decision fresh = fixture.control.receive(anIncomingLead().withEmail("new@x.io").incoming());

        assertEquals(List.of(existing.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        assertEquals(Set.of(BROKEN, SLOW), Set.copyOf(decision.failures().stream().map(f -> f.method()).toList()));
        assertTrue(decision.failures().stream().anyMatch(f -> f.reason().contains("did not answer")));
        assertTrue(fixture.leads.find(TENANT, fresh.lead()).isPresent(), "the new lead is stored");
    }

    @Test
    void anUnguardedMatcherIsCalledOnTheCallersThreadAndItsFailureIsRecorded() {
        TimeBudgetMatcherGuard guard = new TimeBudgetMatcherGuard(Duration.ofMillis(300), matcher -> false);
        List<MatcherFailure> failures = new ArrayList<>();

        Thread calledOn = guard.call(new EmailMatcher(), Thread::currentThread, null, failures);
        Set<MatchKey> fallback = guard.call(new MisbehavingMatcher(BROKEN, false), () -> {
            throw new IllegalStateException("plugin bug");
        }, Set.of(), failures);

        assertSame(Thread.currentThread(), calledOn);
        assertEquals(Set.of(), fallback);
        assertEquals(List.of(new MatcherFailure(BROKEN, "IllegalStateException: plugin bug")), failures);
    }

    @Test
    void aGuardedMatcherIsCalledOnAThreadOfItsOwn() {
        TimeBudgetMatcherGuard guard = new TimeBudgetMatcherGuard(Duration.ofMillis(300), matcher -> true);

        Thread calledOn = guard.call(new EmailMatcher(), Thread::currentThread, null, new ArrayList<>());

        assertNotSame(Thread.currentThread(), calledOn);
    }
}
