package org.dedup.ml.matcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.PairLabel;
import org.dedup.domain.search.PairLabelStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Active labelling of a tenant's own records, for a UI: the next pair is the {@link ActiveLearner}'s (the least
 * certain of the tenant's blocked candidates, diverse) under the model refitted on the tenant's labels so far; an
 * answer is stored as the tenant's label. What the tenant decided ({@link Decisions}: its merges, unmerges and
 * not-a-duplicate marks) is learnt as labels too. A tenant's session (its candidates and learner) is kept for
 * {@link #SESSION_LIFETIME} and then built again from the records as they are; answers stored since, by this server
 * or another, are learnt on the next request. Reads and writes the given tenant's records and labels only.
 *
 * <p>Thread-safe, and one tenant never waits for another: each tenant's session is built and used under that tenant's
 * own lock (a slow read of one tenant's records holds up only that tenant's requests), and at most
 * {@link #MAX_SESSIONS} tenants' sessions are kept, the least recently used dropped first.
 */
public final class TenantLabels {
    /** How long a tenant's candidates are reused before they are read again. */
    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(5);
    private final MatchModel model;
    private final LeadPersons persons;
    private final PairLabelStore labels;
    private final Clock clock;
    private final int refitEvery;
    /** How many tenants' sessions are kept at most (each holds its candidates' features: memory). */
    public static final int MAX_SESSIONS = 32;
    private final Map<TenantId, Holder> sessions;

    public TenantLabels(MatchModel model, LeadPersons persons, PairLabelStore labels, Clock clock, int refitEvery) {
        this(model, persons, labels, clock, refitEvery, MAX_SESSIONS);
    }

    /** As above, keeping at most {@code maxSessions} tenants' sessions. */
    public TenantLabels(MatchModel model, LeadPersons persons, PairLabelStore labels, Clock clock, int refitEvery,
                        int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, was " + maxSessions);
        }
        this.sessions = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TenantId, Holder> eldest) {
                return size() > maxSessions;
            }
        });
        this.model = model;
        this.persons = persons;
        this.labels = labels;
        this.clock = clock;
        this.refitEvery = refitEvery;
    }

    /** What a tenant decided about its {@code records} (merges, unmerges, marks), as labelled pairs among them. */
    @FunctionalInterface
    public interface Decisions {
        List<LabelledPair> pairs(TenantId tenant, Map<RecordRef, PersonRecord> records);
    }

    /** One of the two records of a pair to label: its reference and the values the model compares. */
    public record Shown(RecordRef ref, PersonRecord record) {
    }

    /** The pair to label next, with the model's probability (as refitted) and the pair's explanation. */
    public record Next(RecordPair pair, Shown first, Shown second, double probability, List<FieldMatch> explanation) {
    }

    /** How far the tenant's labelling is: its labels (answers and decisions), matches among them, candidates. */
    public record Progress(int labels, int candidates) {
    }

    /**
     * The next pair of the tenant's records to label; empty when every candidate is answered. {@code records} are
     * read only when the tenant's session is built ({@code decisions} likewise).
     */
    public Optional<Next> next(TenantId tenant, Function<TenantId, List<ScannedRecord>> records,
                               Decisions decisions) {
        Holder holder = holder(tenant);
        synchronized (holder) {
            Session session = session(holder, tenant, records, decisions);
            return session.learner.next().map(candidate -> next(session, candidate));
        }
    }

    public Progress progress(TenantId tenant, Function<TenantId, List<ScannedRecord>> records,
                             Decisions decisions) {
        Holder holder = holder(tenant);
        synchronized (holder) {
            Session session = session(holder, tenant, records, decisions);
            return new Progress(session.learner.labelCount(), session.learner.size());
        }
    }

    /** How many tenants' sessions are kept now. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Stores a person's answer as the tenant's label; the tenant's session learns it on its next request. */
    public void answer(TenantId tenant, RecordPair pair, PairAnswer answer) {
        labels.save(tenant, new PairLabel(pair, answer, clock.instant()));
    }

    /** The {@code answers} (match or not; unsure ones left out) among {@code records} as labelled pairs. */
    public static List<LabelledPair> labelledPairs(List<PairLabel> answers, Map<RecordRef, PersonRecord> records) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (PairLabel label : answers) {
            PersonRecord first = records.get(label.pair().first());
            PersonRecord second = records.get(label.pair().second());
            if (first != null && second != null && label.answer() != PairAnswer.UNSURE) {
                pairs.add(new LabelledPair(new PersonPair(first, second), label.answer() == PairAnswer.MATCH));
            }
        }
        return pairs;
    }

    private Next next(Session session, ActiveLearner.Candidate candidate) {
        PersonRecord a = candidate.pair().first();
        PersonRecord b = candidate.pair().second();
        PreparedRecord first = model.prepare(a);
        PreparedRecord second = model.prepare(b);
        RecordRef firstRef = session.refs.get(a.id());
        RecordRef secondRef = session.refs.get(b.id());
        return new Next(new RecordPair(firstRef, secondRef), new Shown(firstRef, a), new Shown(secondRef, b),
                candidate.probability(), PairExplanations.of(session.learner.model(), first, second,
                candidate.probability(), model.brokenRule(a, b)));
    }

    /**
     * The tenant's holder, its lock: the map's lock is held only to find or add it, never while a session is built.
     * A holder dropped from the map while in use stays valid for its users; the tenant's next request builds anew.
     */
    private Holder holder(TenantId tenant) {
        return sessions.computeIfAbsent(tenant, t -> new Holder());
    }

    /** The tenant's session, built when missing or stale; called holding {@code holder}'s lock. */
    private Session session(Holder holder, TenantId tenant, Function<TenantId, List<ScannedRecord>> records,
                            Decisions decisions) {
        Session session = holder.session;
        Instant now = clock.instant();
        if (session == null || session.builtAt.plus(SESSION_LIFETIME).isBefore(now)) {
            session = build(tenant, records.apply(tenant), decisions, now);
            holder.session = session;
        }
        session.learnStored(labels.all(tenant));
        return session;
    }

    /** The tenant's session: its candidates, with what the tenant decided about them learnt. */
    private Session build(TenantId tenant, List<ScannedRecord> records, Decisions decisions, Instant now) {
        Map<RecordRef, PersonRecord> byRef = persons.records(records);
        Map<String, RecordRef> refs = new HashMap<>();
        byRef.forEach((ref, person) -> refs.put(person.id(), ref));
        ActiveLearner learner = ActiveLearner.of(model, List.copyOf(byRef.values()), refitEvery);
        List<LabelledPair> known = decisions.pairs(tenant, byRef);
        if (!known.isEmpty()) {
            learner.learn(known);
        }
        return new Session(learner, byRef, refs, now);
    }

    /** A tenant's lock and its session, once built. */
    private static final class Holder {
        private Session session;
    }

    /** A tenant's learner over its candidates and the stored labels it has learnt. */
    private static final class Session {
        private final ActiveLearner learner;
        private final Map<RecordRef, PersonRecord> records;
        private final Map<String, RecordRef> refs;
        private final Instant builtAt;
        private final Set<PairLabel> learnt = new HashSet<>();

        Session(ActiveLearner learner, Map<RecordRef, PersonRecord> records, Map<String, RecordRef> refs,
                Instant builtAt) {
            this.learner = learner;
            this.records = records;
            this.refs = refs;
            this.builtAt = builtAt;
        }

        void learnStored(List<PairLabel> stored) {
            for (PairLabel label : stored) {
                if (!learnt.add(label)) {
                    continue;
                }
                PersonRecord first = records.get(label.pair().first());
                PersonRecord second = records.get(label.pair().second());
                if (first != null && second != null) {
                    learner.answer(new PersonPair(first, second), switch (label.answer()) {
                        case MATCH -> Optional.of(true);
                        case NOT_A_MATCH -> Optional.of(false);
                        case UNSURE -> Optional.empty();
                    });
                }
            }
        }
    }
}
