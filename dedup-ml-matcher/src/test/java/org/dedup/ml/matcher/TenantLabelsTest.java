package org.dedup.ml.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.testing.InMemoryPairLabels;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.RecordSchema;

class TenantLabelsTest {
    private static final TenantId A = new TenantId("tenant-a");
    private static final TenantId B = new TenantId("tenant-b");
    /** Only a guard against a hang: the test never measures how long anything takes. */
    private static final long HANG_GUARD_SECONDS = 60;
    private static final MatchModel MODEL = MatchModel.of(ModelArtifact.bundled());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static TenantLabels labels(int maxSessions) {
        return new TenantLabels(MODEL, LeadPersons.configured(RecordSchema.people(), MatcherConfig.empty("big_data")),
                new InMemoryPairLabels(), Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC), ActiveLearner.DEFAULT_REFIT_EVERY,
                maxSessions);
    }

    private static final TenantLabels.Decisions NO_DECISIONS = (tenant, records) -> List.of();

    @Nested
    class OneTenantNeverWaitsForAnother {
        @Test
        void aTenantsSessionIsServedWhileAnotherTenantsSessionIsStillBeingBuilt() throws Exception {
            TenantLabels labels = labels(TenantLabels.MAX_SESSIONS);
            CountDownLatch buildingA = new CountDownLatch(1);
            CountDownLatch releaseA = new CountDownLatch(1);
            Function<TenantId, List<ScannedRecord>> slowForA = tenant -> {
                if (tenant.equals(A)) {
                    buildingA.countDown();
                    await(releaseA);
                }
                return List.of();
            };
            Future<?> a = threads.submit(() -> labels.next(A, slowForA, NO_DECISIONS));
            assertTrue(buildingA.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "tenant A's build started");

            Future<TenantLabels.Progress> b = threads.submit(() -> labels.progress(B, slowForA, NO_DECISIONS));

            assertEquals(new TenantLabels.Progress(0, 0), b.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS),
                    "tenant B is answered while tenant A's build is held");
            assertFalse(a.isDone(), "tenant A is still being built");
            releaseA.countDown();
            a.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        }

        @Test
        void twoRequestsOfOneTenantBuildItsSessionOnce() throws Exception {
            TenantLabels labels = labels(TenantLabels.MAX_SESSIONS);
            CountDownLatch building = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger builds = new AtomicInteger();
            Function<TenantId, List<ScannedRecord>> slow = tenant -> {
                builds.incrementAndGet();
                building.countDown();
                await(release);
                return List.of();
            };
            Future<?> first = threads.submit(() -> labels.next(A, slow, NO_DECISIONS));
            assertTrue(building.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            Future<?> second = threads.submit(() -> labels.next(A, slow, NO_DECISIONS));
            release.countDown();
            first.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            second.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(1, builds.get());
        }
    }

    @Nested
    class TheSessionsAreBounded {
        @Test
        void theLeastRecentlyUsedTenantsSessionIsDroppedBeyondTheBound() {
            TenantLabels labels = labels(2);
            AtomicInteger builds = new AtomicInteger();
            Function<TenantId, List<ScannedRecord>> counted = tenant -> {
                builds.incrementAndGet();
                return List.of();
            };
            labels.progress(A, counted, NO_DECISIONS);
            labels.progress(B, counted, NO_DECISIONS);
            labels.progress(A, counted, NO_DECISIONS);
            labels.progress(new TenantId("tenant-c"), counted, NO_DECISIONS);
            assertEquals(2, labels.sessionCount());
            assertEquals(3, builds.get());
            labels.progress(A, counted, NO_DECISIONS);
            assertEquals(3, builds.get(), "A was used more recently than B, so B was dropped, not A");
            labels.progress(B, counted, NO_DECISIONS);
            assertEquals(4, builds.get(), "B's session is built again");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the build");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
