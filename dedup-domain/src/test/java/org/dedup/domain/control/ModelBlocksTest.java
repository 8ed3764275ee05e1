package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.junit.jupiter.api.Test;

/**
 * A method that blocks as a trained model does (here by full name and by email, blocks of at most two leads) looks at
 * no block larger than that: a name many leads share finds nothing on its own, as in the bulk search.
 */
class ModelBlocksTest {
    private static final MatchMethod MODEL = new MatchMethod("model");
    private static final int MAX_BLOCK = 2;

    /** Calls every candidate its keys found a duplicate, so the candidates are exactly what the lookup returned. */
    private record BlockingModel() implements Matcher {
        @Override
        public MatchMethod method() {
            return MODEL;
        }

        @Override
        public Set<MatchKey> indexKeys(LeadProfile stored) {
            return keys(stored);
        }

        @Override
        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
            return keys(incoming);
        }

        @Override
        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
            return candidates.stream().map(c -> new MatchCandidate(c.lead().id(), MODEL, Verdict.DUPLICATE, 0.99,
                    List.of(FieldMatch.equal("full_name", "")))).toList();
        }

        @Override
        public Optional<RecordLinker> recordLinker() {
            return Optional.of(new RecordLinker() {
                @Override
                public ScoredPairs score(List<ScannedRecord> records) {
                    throw new UnsupportedOperationException("not used by duplicate control");
                }

                @Override
                public Optional<Blocking> blocking() {
                    return Optional.of(new Blocking() {
                        @Override
                        public Set<String> keys(ScannedRecord record) {
                            return Set.of();
                        }

                        @Override
                        public int maxBlock() {
                            return MAX_BLOCK;
                        }
                    });
                }
            });
        }

        private static Set<MatchKey> keys(LeadProfile profile) {
            return Stream.concat(profile.all().values(ProfileField.FULL_NAME).stream().map(n -> new MatchKey("m_name", n)),
                    profile.all().values(ProfileField.EMAIL).stream().map(e -> new MatchKey("m_email", e)))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    private final DuplicateControlFixture fixture = new DuplicateControlFixture(new BlockingModel());

    /** Three John Smiths with other emails, and one with the incoming lead's email. */
    private Lead storedSmiths() {
        fixture.enable(MODEL);
        for (int i = 0; i < 3; i++) {
            fixture.stored(aLead().withContactName("John Smith").withEmail("john" + i + "@smith.example"));
        }
        return fixture.stored(aLead().withContactName("John Smith").withEmail("js@acme.example"));
    }

    @Test
    void aBlockOfMoreLeadsThanTheModelScoresIsNotLookedAtAndASmallOneIs() {
        Lead sameEmail = storedSmiths();

        Decision decision = fixture.control.receive(anIncomingLead().withContactName("John Smith")
                .withEmail("js@acme.example").incoming());

        assertEquals(List.of(sameEmail.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        assertEquals(List.of(sameEmail.id()), decision.candidates().stream().map(MatchCandidate::record).toList());
    }

    @Test
    void aBatchLooksAtTheSameBlocks() {
        Lead sameEmail = storedSmiths();

        List<Decision> decisions = fixture.control.receiveTogether(List.of(
                new LeadArrival(anIncomingLead().withContactName("John Smith").withEmail("js@acme.example")
                        .incoming(), Optional.empty()),
                new LeadArrival(anIncomingLead().withContactName("John Smith").withEmail("other@acme.example")
                        .incoming(), Optional.empty())));

        assertEquals(List.of(sameEmail.id()), assertInstanceOf(Decision.Merged.class, decisions.get(0)).mergedInto());
        assertInstanceOf(Decision.Created.class, decisions.get(1));
    }

    @Test
    void aKeyFoundCommonIsNeitherLockedNorLookedUpAgain() {
        Lead sameEmail = storedSmiths();
        List<Set<MatchKey>> locked = new ArrayList<>();
        DuplicateControl control = fixture.controlWithLocks((tenant, keys) -> {
            locked.add(Set.copyOf(keys));
            fixture.transactor.lock(tenant, keys);
        });
        MatchKey name = new MatchKey("m_name", "john smith");

        control.receive(anIncomingLead().withContactName("John Smith").withEmail("first@acme.example").incoming());
        assertTrue(locked.getFirst().contains(name), locked.toString());
        locked.clear();
        Decision decision = control.receive(anIncomingLead().withContactName("John Smith")
                .withEmail("js@acme.example").incoming());

        assertEquals(List.of(sameEmail.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        assertTrue(locked.stream().noneMatch(keys -> keys.contains(name)), locked.toString());
    }
}
