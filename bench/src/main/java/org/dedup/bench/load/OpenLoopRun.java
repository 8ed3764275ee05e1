package org.dedup.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;

/**
 * Sends incoming leads to {@code POST /v1/leads} at a fixed rate, open loop: request {@code i} is due at
 * {@code start + i / rate} whether or not earlier ones were answered, the way leads reach a CRM, and its latency
 * is measured from that due time (so a stalled server is not hidden by a client that waits for it: no coordinated
 * omission). One thread sends every request when it is due and handles every answer, through {@link LeadsClient}.
 * Each request carries an {@code Idempotency-Key}; a refused connection, a broken one or a 503 is retried under the
 * same key until {@code retryFor} has passed, so a request the server stored before it died is answered with its first
 * decision. Every acknowledged decision is appended to the acks file, which {@link LoadVerification} checks against
 * the database.
 */
final class OpenLoopRun implements LeadsClient.Answers<OpenLoopRun.Sent> {
    private static final long MAX_LATENCY = TimeUnit.MINUTES.toNanos(10);
    private static final long PAUSE_AFTER_FAILURE = TimeUnit.MILLISECONDS.toNanos(250);
    private final Settings settings;
    private final LoadPeople people;
    private final LeadsClient<Sent> client;
    private final ObjectMapper json = new ObjectMapper();
    private final Histogram interval = new Histogram(MAX_LATENCY, 3);
    private final Histogram total = new Histogram(MAX_LATENCY, 3);
    private final PriorityQueue<Retry> retries = new PriorityQueue<>(Comparator.comparingLong(Retry::at));
    private long fresh;
    private long acked;
    private long unavailable;
    private long connectionFailures;
    private long gaveUp;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<Integer, Long> errors = new TreeMap<>();
    private final BufferedWriter acks;

    /**
     * What to send, for how long; {@code reportEvery} is the length of the windows printed while it runs. At most
     * {@code maxInFlight} requests are sent and not yet answered, those waiting to be retried included: while the
     * server is down, the others wait their turn instead of each trying to connect four times a second.
     */
    record Settings(double rate, Duration duration, int maxRequests, Duration retryFor, int maxInFlight, Path acks,
                    String runTag, long leadsBefore, Duration reportEvery) {
    }

    /** A request of the run: due at {@code due} (nanoTime), under its idempotency key. */
    record Sent(String key, byte[] lead, LoadPeople.Kind kind, long due) {
    }

    private record Retry(long at, Sent sent) {
    }

    /** A run sending through {@code client}, which the caller closes (so a warm-up and a run share connections). */
    OpenLoopRun(Settings settings, int storedPeople, LeadsClient<Sent> client) throws IOException {
        this.settings = settings;
        this.people = new LoadPeople(storedPeople);
        this.client = client;
        this.fresh = people.firstNewPerson(new SplittableRandom(settings.runTag().hashCode()));
        this.acks = Files.newBufferedWriter(settings.acks());
        acks.write("# run " + settings.runTag() + " started " + Instant.now() + " leads-before "
                + settings.leadsBefore() + "\n");
        for (LoadPeople.Kind kind : LoadPeople.Kind.values()) {
            outcomes.put(kind.name().toLowerCase(Locale.ROOT), 0L);
        }
    }

    /** Sends until the duration or the request count is reached, waits for the answers, prints the figures. */
    boolean run() throws IOException {
        long period = (long) (1e9 / settings.rate());
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        long reportEvery = settings.reportEvery().toNanos();
        long nextReport = start + reportEvery;
        long sent = 0;
        boolean sending = true;
        while (sending || client.inFlight() > 0 || !retries.isEmpty()) {
            long now = System.nanoTime();
            long due = start + sent * period;
            while (sending && due <= now && inFlight() < settings.maxInFlight()) {
                if (sent >= settings.maxRequests() || due >= end || now >= end) {
                    sending = false;
                } else {
                    send(sent++, due);
                    due = start + sent * period;
                }
            }
            while (!retries.isEmpty() && retries.peek().at() <= now) {
                Sent again = retries.poll().sent();
                client.send(again.key(), again.lead(), again);
            }
            if (now >= nextReport) {
                report(start, sent);
                nextReport += reportEvery;
            }
            long wake = Math.min(nextReport, retries.isEmpty() ? Long.MAX_VALUE : retries.peek().at());
            client.poll(sending && inFlight() < settings.maxInFlight() ? Math.min(wake, due) : wake, this);
        }
        acks.close();
        return summary(start, sent);
    }

    private int inFlight() {
        return client.inFlight() + retries.size();
    }

    private void send(long i, long due) throws IOException {
        LoadPeople.Arrival arrival = people.arrival(new SplittableRandom(settings.runTag().hashCode() * 31L + i),
                fresh++);
        Sent request = new Sent(settings.runTag() + "-" + i, json.writeValueAsBytes(arrival.body()), arrival.kind(),
                due);
        client.send(request.key(), request.lead(), request);
    }

    @Override
    public void answered(Sent request, int status, byte[] body, long retryAfterSeconds) {
        if (status == 503) {
            unavailable++;
            retryOrGiveUp(request, TimeUnit.SECONDS.toNanos(retryAfterSeconds));
            return;
        }
        if (status != 200) {
            failed(request.key(), status, body);
            return;
        }
        JsonNode decision;
        try {
            decision = json.readTree(body);
        } catch (IOException unreadable) {
            failed(request.key(), status, body);
            return;
        }
        acknowledge(request, decision);
    }

    @Override
    public void failed(Sent request, IOException failure) {
        connectionFailures++;
        retryOrGiveUp(request, PAUSE_AFTER_FAILURE);
    }

    private void retryOrGiveUp(Sent request, long pause) {
        long now = System.nanoTime();
        if (now + pause > request.due() + settings.retryFor().toNanos()) {
            gaveUp++;
            interval.recordValue(Math.min(MAX_LATENCY, now - request.due()));
        } else {
            retries.add(new Retry(now + pause, request));
        }
    }

    private void acknowledge(Sent request, JsonNode decision) {
        interval.recordValue(Math.min(MAX_LATENCY, System.nanoTime() - request.due()));
        acked++;
        outcomes.merge(request.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        String line = String.join(",", request.key(), decision.path("outcome").asText(),
                decision.path("lead").asText(), joined(decision.path("mergedInto")), joined(decision.path("merges")))
                + "\n";
        try {
            acks.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void failed(String key, int status, byte[] body) {
        long times = errors.merge(status, 1L, Long::sum);
        if (times <= 3) {
            String text = new String(body, StandardCharsets.UTF_8);
            System.out.println("request " + key + " answered " + status + ": "
                    + text.substring(0, Math.min(300, text.length())));
        }
    }

    private static String joined(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(value -> text.append(text.isEmpty() ? "" : ";").append(value.asText()));
        return text.toString();
    }

    private void report(long start, long sent) {
        total.add(interval);
        System.out.printf(Locale.ROOT, "%5.0f s  sent %,9d  acked %,9d  in flight %4d  interval p50 %7.2f ms  "
                        + "p99 %8.2f ms  max %8.2f ms  503s %,d  connection failures %,d  errors %s%n",
                (System.nanoTime() - start) / 1e9, sent, acked, inFlight(),
                ms(interval.getValueAtPercentile(50)), ms(interval.getValueAtPercentile(99)),
                ms(interval.getMaxValue()), unavailable, connectionFailures, errors);
        interval.reset();
    }

    private boolean summary(long start, long sent) {
        total.add(interval);
        interval.reset();
        double seconds = (System.nanoTime() - start) / 1e9;
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "RESULT run %s: %,d requests sent at %.0f/s target, %,d acknowledged "
                        + "(%.1f/s over %.1f s), errors %d %s, gave up %d, 503s %,d, connection failures %,d; "
                        + "latency from due time p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; "
                        + "mix %s%n",
                settings.runTag(), sent, settings.rate(), acked, acked / seconds, seconds, errorCount,
                errors, gaveUp, unavailable, connectionFailures, ms(total.getValueAtPercentile(50)),
                ms(total.getValueAtPercentile(90)), ms(total.getValueAtPercentile(99)),
                ms(total.getValueAtPercentile(99.9)), ms(total.getMaxValue()), outcomes);
        printDistribution();
        return errorCount == 0 && gaveUp == 0 && acked == sent;
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
}
