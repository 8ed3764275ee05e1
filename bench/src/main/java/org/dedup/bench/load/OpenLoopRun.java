package org.dedup.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends incoming leads to {@code POST /v1/leads} at a fixed rate, open loop: request {@code i} is due at
 * {@code start + i / rate} whether or not earlier ones were answered, the way leads reach a CRM, and its latency
 * is measured from that due time (so a stalled server is not hidden by a client that waits for it: no coordinated
 * omission). Each request runs on its own virtual thread, is sent by {@link LeadsClient} and carries an
 * {@code Idempotency-Key}; a refused connection, a broken one or a 503 is retried under the same key until
 * {@code retryFor} has passed, so a request the server stored before it died is answered with its first decision.
 * Every acknowledged decision is appended to the acks file, which {@link LoadVerification} checks against the
 * database.
 */
final class OpenLoopRun {
    private static final long MAX_LATENCY = TimeUnit.MINUTES.toNanos(10);
    private final Settings settings;
    private final LoadPeople people;
    private final LeadsClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final Recorder latencies = new Recorder(MAX_LATENCY, 3);
    private final Histogram total = new Histogram(MAX_LATENCY, 3);
    private final AtomicLong fresh;
    private final LongAdder acked = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder connectionFailures = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final Map<String, LongAdder> outcomes = new TreeMap<>();
    private final Map<Integer, LongAdder> errors = new TreeMap<>();
    private final BufferedWriter acks;

    record Settings(double rate, Duration duration, int maxRequests, Duration retryFor, int maxInFlight, Path acks,
                    String runTag, long leadsBefore) {
    }

    /** A run sending through {@code client}, which the caller closes (so a warm-up and a run share connections). */
    OpenLoopRun(Settings settings, int storedPeople, LeadsClient client) throws IOException {
        this.settings = settings;
        this.people = new LoadPeople(storedPeople);
        this.client = client;
        this.fresh = new AtomicLong(new SplittableRandom(settings.runTag().hashCode()).nextInt(4_000_000));
        this.acks = Files.newBufferedWriter(settings.acks());
        acks.write("# run " + settings.runTag() + " started " + Instant.now() + " leads-before "
                + settings.leadsBefore() + "\n");
        for (LoadPeople.Kind kind : LoadPeople.Kind.values()) {
            outcomes.put(kind.name().toLowerCase(Locale.ROOT), new LongAdder());
        }
    }

    /** Sends until the duration or the request count is reached, waits for the answers, prints the figures. */
    boolean run() throws InterruptedException, IOException {
        long period = (long) (1e9 / settings.rate());
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        long sent = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(10);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < settings.maxRequests(); i++) {
                long due = start + i * period;
                if (due >= end || System.nanoTime() >= end) {
                    break;
                }
                waitUntil(due);
                if (System.nanoTime() >= nextReport) {
                    report(start, sent, inFlight);
                    nextReport += TimeUnit.SECONDS.toNanos(10);
                }
                inFlight.acquire();
                long request = i;
                senders.submit(() -> {
                    try {
                        send(request, due);
                    } finally {
                        inFlight.release();
                    }
                });
                sent++;
            }
            senders.shutdown();
            while (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
                report(start, sent, inFlight);
            }
        }
        acks.close();
        return summary(start, sent);
    }

    private void send(long i, long due) {
        LoadPeople.Arrival arrival = people.arrival(new SplittableRandom(settings.runTag().hashCode() * 31L + i),
                fresh.getAndIncrement());
        String key = settings.runTag() + "-" + i;
        byte[] lead;
        try {
            lead = json.writeValueAsBytes(arrival.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = due + settings.retryFor().toNanos();
        while (true) {
            long pause;
            try {
                LeadsClient.Answer answer = client.post(key, lead);
                if (answer.status() == 200) {
                    acknowledge(key, arrival.kind(), json.readTree(answer.body()), due);
                    return;
                }
                if (answer.status() != 503) {
                    failed(key, answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
                    return;
                }
                unavailable.increment();
                pause = TimeUnit.SECONDS.toNanos(answer.retryAfterSeconds());
            } catch (IOException e) {
                connectionFailures.increment();
                pause = TimeUnit.MILLISECONDS.toNanos(250);
            }
            if (System.nanoTime() + pause > deadline) {
                gaveUp.increment();
                latencies.recordValue(Math.min(MAX_LATENCY, System.nanoTime() - due));
                return;
            }
            LockSupport.parkNanos(pause);
        }
    }

    private void acknowledge(String key, LoadPeople.Kind kind, JsonNode decision, long due) {
        latencies.recordValue(Math.min(MAX_LATENCY, System.nanoTime() - due));
        acked.increment();
        outcomes.get(kind.name().toLowerCase(Locale.ROOT)).increment();
        String line = String.join(",", key, decision.path("outcome").asText(), decision.path("lead").asText(),
                joined(decision.path("mergedInto")), joined(decision.path("merges"))) + "\n";
        synchronized (acks) {
            try {
                acks.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void failed(String key, int status, String body) {
        synchronized (errors) {
            errors.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (errors.get(status).sum() <= 3) {
                System.out.println("request " + key + " answered " + status + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
        }
    }

    private static String joined(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(value -> text.append(text.isEmpty() ? "" : ";").append(value.asText()));
        return text.toString();
    }

    private void report(long start, long sent, Semaphore inFlight) {
        Histogram interval = latencies.getIntervalHistogram();
        total.add(interval);
        System.out.printf(Locale.ROOT, "%5.0f s  sent %,9d  acked %,9d  in flight %4d  interval p50 %7.2f ms  "
                        + "p99 %8.2f ms  max %8.2f ms  503s %,d  connection failures %,d  errors %s%n",
                (System.nanoTime() - start) / 1e9, sent, acked.sum(),
                settings.maxInFlight() - inFlight.availablePermits(), ms(interval.getValueAtPercentile(50)),
                ms(interval.getValueAtPercentile(99)), ms(interval.getMaxValue()), unavailable.sum(),
                connectionFailures.sum(), errors);
    }

    private boolean summary(long start, long sent) {
        total.add(latencies.getIntervalHistogram());
        double seconds = (System.nanoTime() - start) / 1e9;
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(Locale.ROOT, "RESULT run %s: %,d requests sent at %.0f/s target, %,d acknowledged "
                        + "(%.1f/s over %.1f s), errors %d %s, gave up %d, 503s %,d, connection failures %,d; "
                        + "latency from due time p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; "
                        + "mix %s%n",
                settings.runTag(), sent, settings.rate(), acked.sum(), acked.sum() / seconds, seconds, errorCount,
                errors, gaveUp.sum(), unavailable.sum(), connectionFailures.sum(), ms(total.getValueAtPercentile(50)),
                ms(total.getValueAtPercentile(90)), ms(total.getValueAtPercentile(99)),
                ms(total.getValueAtPercentile(99.9)), ms(total.getMaxValue()), outcomes);
        printDistribution();
        return errorCount == 0 && gaveUp.sum() == 0 && acked.sum() == sent;
    }

    /** The share of requests answered in each 5 ms of latency up to 200 ms, then beyond: where the tail sits. */
    private void printDistribution() {
        StringBuilder line = new StringBuilder("latency distribution, per mille of requests by 5 ms:");
        long step = 5_000_000L;
        for (long from = 0; from < 200_000_000L; from += step) {
            long count = total.getCountBetweenValues(from, from + step - 1);
            line.append(String.format(Locale.ROOT, " %d-%d:%.1f", from / 1_000_000, (from + step) / 1_000_000,
                    1000.0 * count / total.getTotalCount()));
        }
        line.append(String.format(Locale.ROOT, " 200+:%.1f", 1000.0 * total.getCountBetweenValues(200_000_000L,
                total.getMaxValue()) / total.getTotalCount()));
        System.out.println(line);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void waitUntil(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
    }
}
