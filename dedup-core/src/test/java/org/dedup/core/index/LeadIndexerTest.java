package org.dedup.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The reindex paced on a clock of the test's: each page "takes" the time the test says, the pauses are recorded. */
class LeadIndexerTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();

    /** An indexer with {@code pages} due pages, each taking {@code page} on the test's clock. */
    private LeadIndexer indexer(int pages, Duration page, ReindexPace pace) {
        AtomicInteger left = new AtomicInteger(pages);
        return new LeadIndexer(() -> {
            if (left.getAndDecrement() <= 0) {
                return false;
            }
            nanos.addAndGet(page.toNanos());
            return true;
        }, 1_000, pace, nanos::get, pause -> {
            pauses.add(pause);
            nanos.addAndGet(pause.toNanos());
        });
    }

    @Nested
    class Pacing {
        @Test
        void theReindexWorksAQuarterOfTheTimeByDefault() {
            try (LeadIndexer indexer = indexer(3, Duration.ofMillis(40), ReindexPace.DEFAULT)) {
                indexer.indexDue();
            }

            assertEquals(List.of(Duration.ofMillis(120), Duration.ofMillis(120), Duration.ofMillis(120)), pauses);
            assertEquals(Duration.ofMillis(4 * 3 * 40), Duration.ofNanos(nanos.get()));
        }

        @Test
        void eachPauseFollowsTheTimeItsOwnPageTook() {
            AtomicInteger page = new AtomicInteger();
            try (LeadIndexer indexer = new LeadIndexer(() -> {
                nanos.addAndGet(Duration.ofMillis(10L * page.incrementAndGet()).toNanos());
                return page.get() <= 2;
            }, 1_000, new ReindexPace(0.5), nanos::get, pauses::add)) {
                indexer.indexDue();
            }

            assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), pauses);
        }

        @Test
        void aShareOfOneIndexesPageAfterPageWithNoPause() {
            try (LeadIndexer indexer = indexer(2, Duration.ofMillis(40), new ReindexPace(1))) {
                indexer.indexDue();
            }

            assertEquals(List.of(Duration.ZERO, Duration.ZERO), pauses);
        }

        @Test
        void noJobDueMeansNoPause() {
            try (LeadIndexer indexer = indexer(0, Duration.ofMillis(40), ReindexPace.DEFAULT)) {
                indexer.indexDue();
            }

            assertEquals(List.of(), pauses);
        }
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReindexPace(0));
        assertThrows(IllegalArgumentException.class, () -> new ReindexPace(1.5));
        assertThrows(IllegalArgumentException.class, () -> new ReindexPace(Double.NaN));
    }
}
