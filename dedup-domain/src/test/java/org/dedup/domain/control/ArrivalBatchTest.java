package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Nested;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.search.RecordPair;
import org.junit.jupiter.api.Test;

/** Arrivals received together: decided as if one by one, with their reads, locks and writes grouped. */
class ArrivalBatchTest {
    private static final String[] EMAILS = {"ann@x.io", "bob@x.io", "cy@x.io", "dee@x.io", "eve@x.io"};
    private static final String[] PHONES = {"+44 20 7946 0101", "+44 20 7946 0102", "+44 20 7946 0103",
            "+44 20 7946 0104", "+44 20 7946 0105"};
    private static final String[] NAMES = {"Ann Lee", "Bob Ray", "Cy Dunn"};

    /** The {@code methods} with a merge policy, a conflict policy and a merge limit drawn from {@code random}. */
    private static DuplicateControlSettings randomSettings(Random random, MatchMethod... methods) {
        return DuplicateControlSettings.defaults().withMethods(Set.of(methods))
                .withMultiMatchPolicy(MultiMatchPolicy.values()[random.nextInt(3)])
                .withConflictPolicy(ConflictPolicy.values()[random.nextInt(2)])
                .withMergeLimit(1 + random.nextInt(3));
    }

    @Test
    void leadsReceivedTogetherAreDecidedAsIfTheyArrivedOneByOne() {
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            DuplicateControlSettings settings = randomSettings(random, MatchMethod.EMAIL, MatchMethod.PHONE);
            List<LeadArrival> arrivals = randomArrivals(random, 12 + random.nextInt(30), lead -> lead);
            DuplicateControlFixture oneByOne = fixture(settings);
            DuplicateControlFixture together = fixture(settings);

            List<String> alone = arrivals.stream().map(a -> kind(oneByOne.control.receive(a))).toList();
            List<String> batched = new ArrayList<>();
            for (int from = 0; from < arrivals.size(); ) {
                int to = Math.min(arrivals.size(), from + 1 + random.nextInt(8));
                together.control.receiveTogether(arrivals.subList(from, to)).forEach(d -> batched.add(kind(d)));
                from = to;
            }

            String context = "seed " + seed + ", " + settings.multiMatchPolicy() + ", " + settings.conflictPolicy()
                    + ", merge limit " + settings.mergeLimit();
            assertEquals(alone, batched, context);
            assertEquals(stored(oneByOne), stored(together), context);
            assertEquals(oneByOne.journal.recent(TENANT, 1_000).size(), together.journal.recent(TENANT, 1_000).size(),
                    context);
            assertEquals(oneByOne.decisions.recent(TENANT, 1_000).size(),
                    together.decisions.recent(TENANT, 1_000).size(), context);
        }
    }

    @Test
    void anArrivalReceivedTogetherFindsTheLeadAnEarlierOneCreated() {
        DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL)));

        List<Decision> decisions = fixture.control.receiveTogether(List.of(
                arrival(anIncomingLead().withEmail("jane@x.io")), arrival(anIncomingLead().withEmail("JANE@x.io"))));

        Decision.Created created = assertInstanceOf(Decision.Created.class, decisions.get(0));
        assertEquals(List.of(created.lead()), assertInstanceOf(Decision.Merged.class, decisions.get(1)).mergedInto());
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals(1, fixture.leads.find(TENANT, created.lead()).orElseThrow().version());
        assertEquals(1, fixture.journal.recent(TENANT, 10).size());
    }

    @Test
    void aRetryReceivedTogetherWithItsFirstRequestReplaysTheFirstDecision() {
        DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL)));
        IdempotencyKey key = new IdempotencyKey("request-1");
        LeadArrival first = new LeadArrival(anIncomingLead().withEmail("jane@x.io").incoming(), Optional.of(key));

        List<Decision> decisions = fixture.control.receiveTogether(List.of(first, first));

        assertEquals(decisions.get(0), decisions.get(1));
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals(1, fixture.decisions.recent(TENANT, 10).size());
    }

    @Test
    void aRetryOfAnEarlierRequestReceivedTogetherReplaysItsDecisionAndWritesNothing() {
        DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL)));
        IdempotencyKey key = new IdempotencyKey("request-2");
        Decision earlier = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming(), key);

        List<Decision> decisions = fixture.control.receiveTogether(List.of(
                new LeadArrival(anIncomingLead().withEmail("jane@x.io").incoming(), Optional.of(key)),
                arrival(anIncomingLead().withEmail("other@x.io"))));

        assertEquals(earlier, decisions.get(0));
        assertInstanceOf(Decision.Created.class, decisions.get(1));
        assertEquals(2, fixture.leads.count(TENANT));
        assertEquals(0, fixture.leads.find(TENANT, earlier.lead()).orElseThrow().version());
    }

    @Test
    void arrivalsReceivedTogetherLockTheirKeysByOneCallThenTheLeadsTheyMergeIntoByOne() {
        DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL)));
        Lead jane = fixture.stored(LeadBuilder.aLead().withEmail("jane@x.io"));
        Lead joe = fixture.stored(LeadBuilder.aLead().withEmail("joe@x.io"));
        List<Set<MatchKey>> locked = new ArrayList<>();
        DuplicateControl control = fixture.controlWithLocks((tenant, keys) -> {
            locked.add(Set.copyOf(keys));
            fixture.transactor.lock(tenant, keys);
        });

        control.receiveTogether(List.of(arrival(anIncomingLead().withEmail("jane@x.io")),
                arrival(anIncomingLead().withEmail("new@x.io")), arrival(anIncomingLead().withEmail("joe@x.io"))));

        assertEquals(2, locked.size(), "every arrival's keys, then every lead merged into");
        assertEquals(3, locked.get(0).size());
        assertEquals(Set.of(new MatchKey("lead", jane.id().value().toString()),
                new MatchKey("lead", joe.id().value().toString())), locked.get(1));
    }

    @Test
    void arrivalsOfTwoTenantsAreNeverReceivedTogether() {
        DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                .withMethods(Set.of(MatchMethod.EMAIL)));
        List<LeadArrival> mixed = List.of(arrival(anIncomingLead().withEmail("jane@x.io")),
                arrival(anIncomingLead().in(new TenantId("globex")).withEmail("jane@x.io")));

        assertThrows(IllegalArgumentException.class, () -> fixture.control.receiveTogether(mixed));
        assertEquals(0, fixture.leads.count(TENANT));
    }

    @Nested
    class CheckedRightAfterTheyWereAdded {
        @Test
        void leadsReceivedTogetherAreDecidedAndMergedAsIfTheyArrivedOneByOne() {
            int mergedAfterAdd = 0;
            for (long seed = 1; seed <= 60; seed++) {
                Random random = new Random(seed);
                DuplicateControlSettings settings = randomSettings(random, MatchMethod.EMAIL, KommoMethods.BIG_DATA);
                List<Lead> earlier = IntStream.range(0, random.nextInt(4))
                        .mapToObj(i -> varied(LeadBuilder.aLead(), random).build()).toList();
                List<LeadArrival> arrivals = randomArrivals(random, 12 + random.nextInt(30),
                        lead -> varied(lead, random));
                DuplicateControlFixture oneByOne = fixture(settings, earlier);
                DuplicateControlFixture together = fixture(settings, earlier);

                List<String> alone = arrivals.stream().map(a -> outcome(oneByOne.control.receive(a))).toList();
                List<String> batched = new ArrayList<>();
                for (int from = 0; from < arrivals.size(); ) {
                    int to = Math.min(arrivals.size(), from + 1 + random.nextInt(8));
                    together.control.receiveTogether(arrivals.subList(from, to))
                            .forEach(d -> batched.add(outcome(d)));
                    from = to;
                }

                String context = "seed " + seed + ", " + settings.multiMatchPolicy() + ", "
                        + settings.conflictPolicy() + ", merge limit " + settings.mergeLimit();
                assertEquals(alone, batched, context);
                mergedAfterAdd += (int) alone.stream().filter(d -> d.contains("AFTER_ADD")).count();
                assertEquals(stored(oneByOne), stored(together), context);
                assertEquals(journal(oneByOne), journal(together), context);
                assertEquals(logged(oneByOne), logged(together), context);
                assertEquals(notes(oneByOne, earlier), notes(together, earlier), context);
            }
            assertTrue(mergedAfterAdd > 100, "merges right after an add: " + mergedAfterAdd);
        }

        @Test
        void anArrivalReceivedTogetherIsMergedRightAfterItWasAddedIntoTheLeadAnEarlierOneCreated() {
            DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                    .withMethods(Set.of(MatchMethod.EMAIL, KommoMethods.BIG_DATA)));

            List<Decision> decisions = fixture.control.receiveTogether(List.of(
                    arrival(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov")
                            .inStage(PipelineStage.incoming("sales"))),
                    arrival(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov")
                            .withEmail("ivan@x.io"))));

            Decision.Created created = assertInstanceOf(Decision.Created.class, decisions.get(0));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, decisions.get(1));
            assertEquals(MergeTiming.AFTER_ADD, merged.timing());
            assertEquals(List.of(created.lead()), merged.mergedInto());
            assertEquals(1, fixture.leads.count(TENANT));
            assertEquals(List.of("Created", "Created", "Merged AFTER_ADD big_data"), logged(fixture));
        }

        @Test
        void theCheckRightAfterAnAddAsksTheStoreForNoMarksOfALeadTheBatchCreated() {
            DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                    .withMethods(Set.of(MatchMethod.EMAIL, KommoMethods.BIG_DATA)));
            List<RecordRef> asked = new ArrayList<>();
            NotDuplicateStore counted = new NotDuplicateStore() {
                @Override
                public void mark(TenantId tenant, RecordPair pair) {
                    fixture.marks.mark(tenant, pair);
                }

                @Override
                public boolean unmark(TenantId tenant, RecordPair pair) {
                    return fixture.marks.unmark(tenant, pair);
                }

                @Override
                public Set<RecordPair> all(TenantId tenant) {
                    return fixture.marks.all(tenant);
                }

                @Override
                public Set<RecordRef> markedWith(TenantId tenant, RecordRef record) {
                    asked.add(record);
                    return fixture.marks.markedWith(tenant, record);
                }

                @Override
                public List<RecordPair> page(TenantId tenant, Optional<RecordPair> after, int limit) {
                    return fixture.marks.page(tenant, after, limit);
                }
            };
            DuplicateControl control = new DuplicateControl(new DuplicateControlPorts(fixture.leads, fixture.settings,
                    fixture.decisions, fixture.journal, fixture.activities, fixture.activities, fixture.transactor,
                    fixture.transactor, counted), fixture.matchers, new ConflictMerge(fixture.standardizer),
                    fixture.clock);

            List<Decision> together = control.receiveTogether(List.of(
                    arrival(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov")),
                    arrival(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Anna Ivanova"))));
            assertEquals(List.of(), asked, "marks of leads created by the batch");
            Decision alone = control.receive(anIncomingLead().from(SourceChannel.WEB_FORM)
                    .withContactName("Olga Smirnova").incoming());

            assertEquals(2, together.stream().filter(Decision.Created.class::isInstance).count());
            assertEquals(List.of(alone.lead()), asked, "one by one, the lead is committed before its check");
        }

        @Test
        void theKeysOfTheCheckRightAfterAnAddAreLockedWithTheArrivalsAndTheLeadsItMergesWithTheirs() {
            DuplicateControlFixture fixture = fixture(DuplicateControlSettings.defaults()
                    .withMethods(Set.of(MatchMethod.EMAIL, KommoMethods.BIG_DATA)));
            Lead ivan = fixture.stored(LeadBuilder.aLead().withContactName("Ivan Petrov")
                    .inStage(PipelineStage.incoming("sales")));
            List<Set<MatchKey>> locked = new ArrayList<>();
            DuplicateControl control = fixture.controlWithLocks((tenant, keys) -> {
                locked.add(Set.copyOf(keys));
                fixture.transactor.lock(tenant, keys);
            });

            List<Decision> decisions = control.receiveTogether(List.of(
                    arrival(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov")),
                    arrival(anIncomingLead().from(SourceChannel.WEB_FORM).withEmail("new@x.io"))));

            assertEquals(2, locked.size(), "every arrival's keys and after-add keys, then every lead merged");
            assertTrue(locked.get(0).stream().anyMatch(key -> key.namespace().equals("test_name")), locked.get(0)
                    .toString());
            LeadId added = assertInstanceOf(Decision.Merged.class, decisions.get(0)).mergedInto().getFirst();
            assertEquals(ivan.id(), added);
            assertTrue(locked.get(1).contains(new MatchKey("lead", ivan.id().value().toString())));
            assertEquals(2, locked.get(1).size(), "the lead merged into and the lead added and merged away");
        }
    }

    private static LeadBuilder varied(LeadBuilder lead, Random random) {
        SourceChannel[] channels = SourceChannel.values();
        return lead.from(channels[random.nextInt(channels.length)])
                .inStage(random.nextInt(3) == 0 ? PipelineStage.of("sales", "qualified")
                        : PipelineStage.incoming("sales"))
                .withContactName(NAMES[random.nextInt(NAMES.length)]);
    }

    private static DuplicateControlFixture fixture(DuplicateControlSettings settings, List<Lead> stored) {
        DuplicateControlFixture fixture = fixture(settings);
        stored.forEach(lead -> fixture.leads.insert(lead, fixture.matchers.indexKeys(lead, settings,
                new ArrayList<>())));
        return fixture;
    }

    /** A decision as its kind, and for a merge when and by which method. */
    private static String outcome(Decision decision) {
        return decision instanceof Decision.Merged merged
                ? "Merged " + merged.timing() + " " + merged.method().id() + " into " + merged.mergedInto().size()
                : kind(decision);
    }

    private static List<String> logged(DuplicateControlFixture fixture) {
        return fixture.decisions.recordings(TENANT).stream().map(r -> outcome(r.decision())
                .replaceAll(" into \\d+", "")).toList();
    }

    private static List<String> journal(DuplicateControlFixture fixture) {
        return fixture.journal.recent(TENANT, 1_000).stream().map(entry -> entry.kind() + " "
                + entry.absorbed().size()).sorted().toList();
    }

    private static List<Integer> notes(DuplicateControlFixture fixture, List<Lead> earlier) {
        return earlier.stream().map(lead -> fixture.activities.notesOf(TENANT, lead.id()).size()).toList();
    }

    private static DuplicateControlFixture fixture(DuplicateControlSettings settings) {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.configure(settings);
        // distinct creation times, so "the newest" is the same lead however the arrivals are grouped
        fixture.clock.stepOnEveryReading(Duration.ofMillis(1));
        return fixture;
    }

    private static LeadArrival arrival(LeadBuilder lead) {
        return new LeadArrival(lead.incoming(), Optional.empty());
    }

    private static List<LeadArrival> randomArrivals(Random random, int count, UnaryOperator<LeadBuilder> varied) {
        List<LeadArrival> arrivals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!arrivals.isEmpty() && random.nextInt(10) == 0) {
                // a retried request, under the key of one sent before (or, with no key, the same lead again)
                arrivals.add(arrivals.get(random.nextInt(arrivals.size())));
                continue;
            }
            LeadBuilder lead = anIncomingLead().withContactName(NAMES[random.nextInt(NAMES.length)]);
            if (random.nextInt(3) > 0) {
                lead.withEmail(EMAILS[random.nextInt(EMAILS.length)]);
            }
            if (random.nextInt(3) > 0) {
                lead.withPhone(PHONES[random.nextInt(PHONES.length)]);
            }
            Optional<IdempotencyKey> key = random.nextBoolean() ? Optional.of(new IdempotencyKey("request-" + i))
                    : Optional.empty();
            arrivals.add(new LeadArrival(varied.apply(lead).incoming(), key));
        }
        return arrivals;
    }

    private static String kind(Decision decision) {
        return decision.getClass().getSimpleName();
    }

    /** The stored leads, each as its contacts' names, emails and phones and its version, ids aside. */
    private static List<String> stored(DuplicateControlFixture fixture) {
        List<String> leads = new ArrayList<>();
        fixture.leads.forEach(TENANT, lead -> leads.add(lead.version() + " " + lead.contacts().stream()
                .map(ArrivalBatchTest::contact).toList()));
        leads.sort(null);
        return leads;
    }

    private static String contact(LinkedContact link) {
        return link.role() + " " + link.contact().fullName() + " "
                + new TreeSet<>(link.contact().emails().stream().map(e -> e.address()).toList()) + " "
                + link.contact().phones().stream().map(p -> p.number()).collect(Collectors.toCollection(TreeSet::new));
    }
}
