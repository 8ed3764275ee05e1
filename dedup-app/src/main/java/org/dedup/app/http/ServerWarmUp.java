package org.dedup.app.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dedup.domain.model.TenantId;

/**
 * The step of server start before the port opens: rounds of synthetic leads of a throwaway tenant, each through the
 * duplicate control ({@link WarmUp}) and then through the API ({@link HttpWarmUp}), all rolled back, until the JIT has
 * settled ({@link Settling}) or the configured maximum has passed. So the pool's connections, the database's
 * statement plans, class loading and the compiled code are ready when the first client comes, and nothing is left
 * behind.
 */
final class ServerWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWarmUp.class);
    private final WarmUp domain;
    private final HttpWarmUp http;
    private final Settling settling;

    /** What the warm-up did: its rounds, and what they decided and sent. */
    record Done(Settling.Done rounds, WarmUp.Done decided, HttpWarmUp.Done sent) {
    }

    ServerWarmUp(WarmUp domain, HttpWarmUp http, Settling settling) {
        this.domain = domain;
        this.http = http;
        this.settling = settling;
    }

    /**
     * Rounds, their requests sent to {@code server}, for at most {@code maximum}; none when it is zero. Each round
     * rehearses the arrivals of one of the {@code served} tenants, in turn.
     */
    Done run(Duration maximum, URI server, List<TenantId> served) {
        if (maximum.isZero()) {
            return new Done(new Settling.Done(0, Duration.ZERO, Duration.ZERO, List.of(), Settling.Stop.MAXIMUM),
                    WarmUp.Done.NONE, HttpWarmUp.Done.NONE);
        }
        AtomicReference<WarmUp.Done> decided = new AtomicReference<>(WarmUp.Done.NONE);
        AtomicReference<HttpWarmUp.Done> sent = new AtomicReference<>(HttpWarmUp.Done.NONE);
        AtomicInteger round = new AtomicInteger();
        Settling.Done rounds;
        try {
            rounds = settling.run(maximum, () -> {
                SyntheticLeads leads = domain.rehearsing(served.isEmpty() ? Optional.empty()
                        : Optional.of(served.get(round.getAndIncrement() % served.size())));
                decided.accumulateAndGet(domain.round(leads), WarmUp.Done::plus);
                sent.accumulateAndGet(http.round(server, leads), HttpWarmUp.Done::plus);
            });
        } finally {
            domain.stopRehearsing();
        }
        collectGarbage();
        Done done = new Done(rounds, decided.get(), sent.get());
        LOG.info("warmed up in {} rounds for {} ms: {} synthetic arrivals decided ({} merged, {} failed) and {} "
                        + "requests sent ({} answered 200), all rolled back; the JIT compiled for {} ms (per span, "
                        + "in % of it: {}); stopped {}",
                rounds.rounds(), rounds.took().toMillis(), done.decided().arrivals(), done.decided().merged(),
                done.decided().failed(), done.sent().sent(), done.sent().answered(), rounds.compiled().toMillis(),
                rounds.spanPercents(),
                switch (rounds.stop()) {
                    case SETTLED -> "as the JIT had settled (it compiled for less than "
                            + Math.round(Settling.SETTLED_SHARE * 100) + " % of the last " + Settling.SPAN.toSeconds()
                            + " s or more)";
                    case MAXIMUM -> "at the maximum of " + maximum.toSeconds() + " s (http.warmUpMaxSeconds)";
                });
        return done;
    }

    /**
     * A full collection before the port opens. The warm-up grew the code cache by tens of megabytes; the JVM unloads
     * cold code in a collection it starts once the cache has grown by a share of its size since the last one, and
     * that collection's remark pause (90 ms measured) came within the first seconds of load. A full collection now
     * unloads it, and takes the warm-up's garbage, while no client waits.
     */
    private static void collectGarbage() {
        long started = System.nanoTime();
        System.gc();
        LOG.info("collected the warm-up's garbage and cold code in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
