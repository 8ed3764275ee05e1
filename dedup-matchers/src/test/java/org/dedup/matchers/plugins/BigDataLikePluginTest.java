package org.dedup.matchers.plugins;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.SameThreadMatcherGuard;
import org.dedup.matchers.builtin.EmailMatcher;
import org.dedup.matchers.testing.TestPlugins;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin of a method the engine has never heard of ({@code lookalike}: the same full name is a duplicate) that
 * declares Kommo's BIG DATA traits, loaded from its jar as any plugin: duplicate control runs it as it runs BIG DATA,
 * with no change to the engine.
 */
class BigDataLikePluginTest {
    private static final MatchMethod LOOKALIKE = new MatchMethod("lookalike");
    private static final String PLUGIN = """
            package acme.lookalike;

            import java.util.List;
            import java.util.Set;
            import java.util.stream.Collectors;
            import org.dedup.domain.match.*;
            import org.dedup.domain.model.SourceChannel;
            import org.dedup.domain.settings.MatchMethod;
            import org.dedup.domain.standardize.LeadProfile;
            import org.dedup.domain.standardize.ProfileField;
            import org.dedup.matchers.spi.*;

            public final class Lookalike implements MatcherProvider {
                public String id() { return "lookalike"; }

                public Matcher create(MatcherConfig config) {
                    return new Matcher() {
                        public MatchMethod method() { return new MatchMethod("lookalike"); }
                        public ControlTraits controlTraits() {
                            return ControlTraits.DEFAULT.checkedAfterAddExcept(SourceChannel.CHAT).withMergeNote()
                                    .mergingOnlyWithIncomingStage().checkedAfterUpdate();
                        }
                        public Set<MatchKey> indexKeys(LeadProfile stored) { return keys(stored); }
                        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
                            return keys(incoming);
                        }
                        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates,
                                                          MatchContext context) {
                            Set<String> names = incoming.all().values(ProfileField.FULL_NAME);
                            return candidates.stream()
                                    .filter(c -> c.all().values(ProfileField.FULL_NAME).stream().anyMatch(names::contains))
                                    .map(c -> new MatchCandidate(c.lead().id(), method(), Verdict.DUPLICATE, 0.9,
                                            List.of(FieldMatch.equal("full_name", "same"))))
                                    .toList();
                        }
                        private Set<MatchKey> keys(LeadProfile profile) {
                            return profile.all().values(ProfileField.FULL_NAME).stream()
                                    .map(n -> new MatchKey("lookalike", n)).collect(Collectors.toUnmodifiableSet());
                        }
                    };
                }
            }
            """;

    @TempDir
    Path work;
    private MatcherRegistry registry;
    private DuplicateControlFixture fixture;

    @BeforeEach
    void installThePlugin() throws Exception {
        Path plugins = work.resolve("plugins");
        new TestPlugins(work).jar(plugins.resolve("lookalike.jar"), Map.of("Lookalike.java", PLUGIN),
                List.of("acme.lookalike.Lookalike"));
        registry = MatcherRegistry.discover(plugins);
        Matcher lookalike = registry.createMatchers(Map.of()).stream()
                .filter(m -> m.method().equals(LOOKALIKE)).findFirst().orElseThrow();
        fixture = new DuplicateControlFixture(new CreatioCompatibleStandardizer(),
                List.of(new EmailMatcher(), lookalike), new SameThreadMatcherGuard());
        fixture.enable(MatchMethod.EMAIL, LOOKALIKE);
    }

    @AfterEach
    void closeTheRegistry() {
        registry.close();
    }

    private Lead existingIn(PipelineStage stage) {
        return fixture.stored(aLead().withContactName("Ivan Petrov").inStage(stage));
    }

    @Nested
    class Timing {
        @Test
        void chatRequestsAreMergedOnArrival() {
            Lead existing = existingIn(PipelineStage.incoming("sales"));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(
                    anIncomingLead().from(SourceChannel.CHAT).withContactName("Ivan Petrov").incoming()));
            assertEquals(MergeTiming.ON_ARRIVAL, merged.timing());
            assertEquals(LOOKALIKE, merged.method());
            assertEquals(List.of(existing.id()), merged.mergedInto());
        }

        @Test
        void otherChannelsAreCheckedRightAfterTheLeadIsAdded() {
            Lead existing = existingIn(PipelineStage.incoming("sales"));
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(
                    anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov").incoming()));
            assertEquals(MergeTiming.AFTER_ADD, merged.timing());
            assertEquals(List.of(existing.id()), merged.mergedInto());
            assertEquals(1, fixture.leads.count(TENANT), "the added lead was merged away");
        }

        @Test
        void arrivalsReceivedTogetherAreEachCheckedRightAfterItIsAdded() {
            Lead existing = existingIn(PipelineStage.incoming("sales"));
            List<Decision> decisions = fixture.control.receiveTogether(List.of(
                    new LeadArrival(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov")
                            .incoming(), Optional.empty()),
                    new LeadArrival(anIncomingLead().from(SourceChannel.CALL).withContactName("Olga Petrova")
                            .incoming(), Optional.empty())));

            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, decisions.get(0));
            assertEquals(MergeTiming.AFTER_ADD, merged.timing());
            assertEquals(List.of(existing.id()), merged.mergedInto());
            assertInstanceOf(Decision.Created.class, decisions.get(1));
            assertEquals(2, fixture.leads.count(TENANT));
        }
    }

    @Test
    void aMergeHappensOnlyIfOneOfTheDuplicatesIsInTheIncomingLeadsStage() {
        existingIn(PipelineStage.of("sales", "negotiation"));
        Decision decision = fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT)
                .inStage(PipelineStage.of("sales", "qualified")).withContactName("Ivan Petrov").incoming());
        assertInstanceOf(Decision.Created.class, decision);
        assertEquals(2, fixture.leads.count(TENANT));
    }

    @Test
    void itsMergesAddTheMergeNote() {
        Lead existing = existingIn(PipelineStage.incoming("sales"));
        fixture.control.receive(anIncomingLead().from(SourceChannel.CHAT).withContactName("Ivan Petrov").incoming());
        assertTrue(fixture.activities.notesOf(TENANT, existing.id()).getFirst().text().contains("found by lookalike"));
    }

    @Test
    void anUpdateTriggersTheCheckAgain() {
        Lead existing = existingIn(PipelineStage.incoming("sales"));
        Lead other = fixture.stored(aLead().withContactName("Olga Petrova")
                .inStage(PipelineStage.of("sales", "qualified")));

        Lead renamed = other.withContacts(List.of(new LinkedContact(
                other.primaryContact().orElseThrow().withFullName("Ivan Petrov"), ContactRole.PRIMARY)))
                .touched(fixture.clock.instant());
        Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.update(renamed));

        assertEquals(MergeTiming.ON_UPDATE, merged.timing());
        assertEquals(List.of(existing.id()), merged.mergedInto());
    }
}
