package org.dedup.persistence;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.ArrivalOutcome;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.Merges;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.PhoneKey;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.Standardizer;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.testing.SameThreadMatcherGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicate control on the jOOQ adapters and a real database: concurrent arrivals, cross-tenant merges and
 * idempotent retries. Subclasses choose the database.
 */
abstract class DuplicateControlOnDatabase {
    private DuplicateControlPorts ports;
    private RecordStandardizer standardizer;
    private InstalledMatchers matchers;
    private DuplicateControl control;
    private ManualMerge manualMerge;

    /** A migrated database shared by the subclass's tests; every test uses tenants of its own. */
    protected abstract Database database();

    /** Enough standardization for these tests: lower-cased emails; the real adapter is tested elsewhere. */
    private static final class LowerCaseStandardizer implements Standardizer {
        @Override
        public String text(String raw) {
            return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public String website(String raw) {
            return text(raw);
        }

        @Override
        public EmailKey email(String raw, EmailFolding folding) {
            String key = text(raw);
            int at = key.indexOf('@');
            return at > 0 ? new EmailKey.Valid(key, key.substring(0, at), key.substring(at + 1))
                    : new EmailKey.Invalid(raw, "no @");
        }

        @Override
        public PhoneKey phone(String raw, String defaultRegion) {
            return new PhoneKey.Invalid(raw, "not needed here");
        }

        @Override
        public String fullName(String raw) {
            return text(raw);
        }
    }

    /** The email method, as the built-in plugin implements it. */
    private static final class EmailKeyMatcher implements Matcher {
        @Override
        public MatchMethod method() {
            return MatchMethod.EMAIL;
        }

        @Override
        public Set<MatchKey> indexKeys(LeadProfile stored) {
            return keys(stored.primary().values(ProfileField.EMAIL));
        }

        @Override
        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
            return keys(incoming.all().values(ProfileField.EMAIL));
        }

        @Override
        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
            return candidates.stream()
                    .filter(c -> c.primary().values(ProfileField.EMAIL).stream()
                            .anyMatch(incoming.all().values(ProfileField.EMAIL)::contains))
                    .map(c -> new MatchCandidate(c.lead().id(), MatchMethod.EMAIL, Verdict.DUPLICATE, 1.0,
                            List.of(FieldMatch.equal("email", "shared"))))
                    .toList();
        }

        private static Set<MatchKey> keys(Set<String> emails) {
            return emails.stream().map(e -> new MatchKey("primary_email", e)).collect(Collectors.toSet());
        }
    }

    @BeforeEach
    void wireTheEngine() {
        JooqAdapters adapters = database().adapters();
        ports = new DuplicateControlPorts(adapters.leads(), adapters.settings(), adapters.decisions(),
                adapters.journal(), adapters.tasks(), adapters.notes(), adapters.transactor(), adapters.keyLocks(),
                adapters.notDuplicates());
        standardizer = new RecordStandardizer(new LowerCaseStandardizer());
        matchers = new InstalledMatchers(List.of(new EmailKeyMatcher()), standardizer,
                new SameThreadMatcherGuard());
        Clock clock = Clock.systemUTC();
        control = new DuplicateControl(ports, matchers, new ConflictMerge(standardizer), clock);
        manualMerge = new ManualMerge(ports.merging(), new Merges(ports.merging(), matchers, clock));
        ports.settings().saveSettings(TENANT, DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL)));
    }

    @Test
    void sixteenConcurrentArrivalsOfTheSameLeadEndWithExactlyOneLead() throws Exception {
        TenantId tenant = new TenantId("race");
        ports.settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return control.receive(anIncomingLead().in(tenant).withEmail("Same.Person@Example.com").incoming());
            }));
        }
        start.countDown();
        List<Decision> decisions = new ArrayList<>();
        for (Future<Decision> result : results) {
            decisions.add(result.get());
        }
        pool.shutdown();

        assertEquals(1, ports.leads().count(tenant));
        assertEquals(1, decisions.stream().filter(d -> d instanceof Decision.Created).count());
        assertEquals(threads - 1, decisions.stream().filter(d -> d instanceof Decision.Merged).count());
        Lead only = ports.leads().findAll(tenant, List.of(decisions.getFirst().lead())).getFirst();
        assertEquals(threads - 1, only.version(), "every merge updated the one lead in turn");
    }

    @Test
    void concurrentArrivalsFindingOneLeadByDifferentKeysAreAllMergedIntoIt() throws Exception {
        TenantId tenant = new TenantId("two-keys");
        ports.settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
        Decision stored = control.receive(anIncomingLead().in(tenant).withEmail("first@x.io").withEmail("second@x.io")
                .incoming());
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String email = i % 2 == 0 ? "first@x.io" : "second@x.io";
            results.add(pool.submit(() -> {
                start.await();
                return control.receive(anIncomingLead().in(tenant).withEmail(email).incoming());
            }));
        }
        start.countDown();
        List<Decision> decisions = new ArrayList<>();
        for (Future<Decision> result : results) {
            decisions.add(result.get());
        }
        pool.shutdown();

        assertEquals(threads, decisions.stream().filter(d -> d instanceof Decision.Merged).count(),
                "arrivals locking other keys of the same lead were decided again, none failed as stale");
        assertEquals(1, ports.leads().count(tenant));
        assertEquals(threads, ports.leads().findAll(tenant, List.of(stored.lead())).getFirst().version());
    }

    @Test
    void aMergeAcrossTenantsIsRefusedAndChangesNothing() {
        Lead mine = aLead().in(new TenantId("mine-" + UUID.randomUUID().toString().substring(0, 8)))
                .withEmail("a@x.io").build();
        Lead theirs = aLead().in(new TenantId("globex")).withEmail("a@x.io").build();
        ports.leads().insert(mine, Set.of());
        ports.leads().insert(theirs, Set.of());

        assertThrows(RecordNotFoundException.class, () -> manualMerge.merge(new ManualMerge.Request(mine.tenant(),
                List.of(mine.id(), theirs.id()), mine.id(), Map.of(), SurvivorshipPolicy.newestWins())));
        assertEquals(mine, ports.leads().find(mine.tenant(), mine.id()).orElseThrow());
        assertEquals(theirs, ports.leads().find(theirs.tenant(), theirs.id()).orElseThrow());
    }

    @Test
    void aRetriedRequestReturnsTheFirstDecisionAndWritesNothingNew() {
        TenantId tenant = new TenantId("retry");
        IdempotencyKey key = new IdempotencyKey("request-42");
        Decision first = control.receive(anIncomingLead().in(tenant).withEmail("once@x.io").incoming(), key);
        long leadsAfterFirst = ports.leads().count(tenant);
        int decisionsAfterFirst = ports.decisions().recent(tenant, 100).size();

        Decision retried = control.receive(anIncomingLead().in(tenant).withEmail("once@x.io").incoming(), key);

        assertEquals(first, retried);
        assertEquals(leadsAfterFirst, ports.leads().count(tenant));
        assertEquals(decisionsAfterFirst, ports.decisions().recent(tenant, 100).size());
        assertEquals(0, ports.leads().find(tenant, first.lead()).orElseThrow().version());
    }

    @Test
    void concurrentRetriesOfOneRequestStoreOneLeadAndGetOneDecision() throws Exception {
        TenantId tenant = new TenantId("retry-race");
        IdempotencyKey key = new IdempotencyKey("request-7");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return control.receive(anIncomingLead().in(tenant).withEmail("retry@x.io").incoming(), key);
            }));
        }
        start.countDown();
        Set<Decision> decisions = new HashSet<>();
        for (Future<Decision> result : results) {
            decisions.add(result.get());
        }
        pool.shutdown();

        assertEquals(1, decisions.size());
        assertEquals(1, ports.leads().count(tenant));
    }

    @Test
    void arrivalsReceivedTogetherAreStoredAsIfTheyArrivedOneByOne() {
        TenantId tenant = new TenantId("together");
        ports.settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
        IdempotencyKey key = new IdempotencyKey("together-1");

        List<Decision> decisions = control.receiveTogether(List.of(
                arrival(tenant, "ann@x.io", Optional.of(key)), arrival(tenant, "bob@x.io", Optional.empty()),
                arrival(tenant, "ANN@x.io", Optional.empty()), arrival(tenant, "ann@x.io", Optional.of(key))));

        Lead ann = ports.leads().find(tenant, decisions.get(0).lead()).orElseThrow();
        assertEquals(List.of(ann.id()), ((Decision.Merged) decisions.get(2)).mergedInto());
        assertEquals(decisions.get(0), decisions.get(3), "the retry replays the first decision");
        assertEquals(1, ann.version());
        assertEquals(2, ports.leads().count(tenant));
        assertEquals(3, ports.decisions().recent(tenant, 10).size());
        assertEquals(1, ports.journal().recent(tenant, 10).size());
        assertEquals(decisions.get(0), ports.decisions().findByIdempotencyKey(tenant, key).orElseThrow().decision());
    }

    @Test
    void aBatchWhoseMergeTargetChangedAfterItWasReadStoresNothing() throws Exception {
        TenantId tenant = new TenantId("together-stale");
        ports.settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
        Decision stored = control.receive(anIncomingLead().in(tenant).withEmail("target@x.io").incoming());
        // between the batch's read and its lock of the lead it merges into, another transaction changes that lead
        KeyLocks changingTheTargetFirst = (lockTenant, keys) -> {
            if (keys.stream().anyMatch(k -> k.namespace().equals("lead"))) {
                changeElsewhere(tenant, stored);
            }
            ports.keyLocks().lock(lockTenant, keys);
        };
        DuplicateControl racing = new DuplicateControl(new DuplicateControlPorts(ports.leads(), ports.settings(),
                ports.decisions(), ports.journal(), ports.tasks(), ports.notes(), ports.transactor(),
                changingTheTargetFirst, ports.notDuplicates()), matchers, new ConflictMerge(standardizer), Clock.systemUTC());

        assertThrows(StaleRecordException.class, () -> racing.receiveTogether(List.of(
                arrival(tenant, "new@x.io", Optional.empty()), arrival(tenant, "target@x.io", Optional.empty()))));

        assertEquals(1, ports.leads().count(tenant), "the new lead of the batch was rolled back");
        assertEquals(1, ports.decisions().recent(tenant, 10).size());
        assertEquals(1, ports.leads().find(tenant, stored.lead()).orElseThrow().version(), "only the other change");
    }

    @Test
    void concurrentBatchesOfOverlappingArrivalsEndWithOneLeadPerPerson() throws Exception {
        TenantId tenant = new TenantId("together-race");
        ports.settings().saveSettings(tenant, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
        List<String> people = List.of("p0@x.io", "p1@x.io", "p2@x.io", "p3@x.io", "p4@x.io");
        int arrivals = 96;
        int batchSize = 16;
        ArrivalBatches batches = new ArrivalBatches(control);
        List<ArrivalOutcome> outcomes = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<List<ArrivalOutcome>>> decided = new ArrayList<>();
            for (int first = 0; first < arrivals; first += batchSize) {
                List<LeadArrival> batch = IntStream.range(first, first + batchSize)
                        .mapToObj(i -> arrival(tenant, people.get(i % people.size()), Optional.empty())).toList();
                decided.add(workers.submit(() -> batches.decide(batch)));
            }
            for (Future<List<ArrivalOutcome>> batch : decided) {
                outcomes.addAll(batch.get());
            }
        }
        List<Decision> decisions = outcomes.stream().map(o -> assertInstanceOf(ArrivalOutcome.Decided.class, o))
                .map(ArrivalOutcome.Decided::decision).toList();

        assertEquals(people.size(), ports.leads().count(tenant));
        assertEquals(people.size(), decisions.stream().filter(d -> d instanceof Decision.Created).count());
        assertEquals(arrivals - people.size(), decisions.stream().filter(d -> d instanceof Decision.Merged).count());
        assertEquals(arrivals - people.size(), ports.journal().recent(tenant, 1_000).size());
    }

    private void changeElsewhere(TenantId tenant, Decision stored) {
        try (ExecutorService elsewhere = Executors.newSingleThreadExecutor()) {
            elsewhere.submit(() -> ports.transactor().inTransaction(() -> {
                Lead lead = ports.leads().find(tenant, stored.lead()).orElseThrow();
                ports.leads().update(lead.withName("changed elsewhere").touched(lead.updatedAt()), Set.of());
                return lead;
            })).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LeadArrival arrival(TenantId tenant, String email, Optional<IdempotencyKey> key) {
        return new LeadArrival(anIncomingLead().in(tenant).withEmail(email).incoming(), key);
    }
}
