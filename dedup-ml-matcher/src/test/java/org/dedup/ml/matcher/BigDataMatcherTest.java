package org.dedup.ml.matcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherHealth;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.testing.InMemoryActivities;
import org.dedup.domain.testing.InMemoryDecisionLog;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.dedup.domain.testing.InMemorySearchStores;
import org.dedup.domain.testing.InMemorySettingsStore;
import org.dedup.domain.testing.InMemoryTransactor;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.MutableClock;
import org.dedup.matchers.builtin.EmailMatcherProvider;
import org.dedup.matchers.runtime.TimeBudgetMatcherGuard;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.model.CraftedModels;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.RecordSchema;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BigDataMatcherTest {
    private static final Matcher SHIPPED = new BigDataMatcherProvider().create(MatcherConfig.empty("big_data"));
    private final RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
    private final StandardizationOptions options = new StandardizationOptions("GB",
            StandardizationOptions.defaults().emailFolding());
    private final MatchContext context = new MatchContext(TENANT, DuplicateControlSettings.defaults(), List.of());

    @TempDir
    Path dir;

    private LeadProfile profile(LeadBuilder lead) {
        return standardizer.lead(lead.build(), options);
    }

    private List<MatchCandidate> match(Matcher matcher, LeadBuilder incoming, LeadBuilder stored) {
        return matcher.match(profile(incoming), List.of(profile(stored)), context);
    }

    @Test
    void theSamePersonWrittenDifferentlyIsADuplicate() {
        List<MatchCandidate> found = match(SHIPPED,
                anIncomingLead().withContactName("María López").withEmail("m.lopez@gmail.com").withPhone("020 7946 0958"),
                aLead().withContactName("Maria Lopez").withEmail("maria.lopez@gmail.com").withPhone("+44 20 7946 0958"));
        assertEquals(Verdict.DUPLICATE, found.getFirst().verdict(), found.toString());
        assertEquals(BigDataMatcherProvider.METHOD, found.getFirst().method());
    }

    @Test
    void aNamesakeWithAnotherEmailAndPhoneIsNotADuplicate() {
        List<MatchCandidate> found = match(SHIPPED,
                anIncomingLead().withContactName("John Smith").withEmail("jsmith1977@yahoo.com").withPhone("+1 415 555 0111"),
                aLead().withContactName("John Smith").withEmail("j.smith@acme.com").withPhone("+44 20 7946 0958"));
        assertTrue(found.stream().noneMatch(c -> c.verdict() == Verdict.DUPLICATE), found.toString());
    }

    @Test
    void twoPeopleSharingOnlyTheFullNameAndTheEmailDomainAreNeverMergedAutomatically() {
        List<MatchCandidate> found = match(SHIPPED,
                anIncomingLead().withContactName("Laura Becker").withEmail("laura.becker@acme-logistics.com"),
                aLead().withContactName("Laura Becker").withEmail("lbecker@acme-logistics.com"));
        assertTrue(found.stream().noneMatch(c -> c.verdict() == Verdict.DUPLICATE), found.toString());
        assertTrue(found.stream().allMatch(c -> c.explanation().stream().anyMatch(f -> f.comparison()
                .contains("not merged automatically"))), found.toString());
    }

    @Test
    void theExplanationNamesEachComparedAttributeAndTheMatchProbability() {
        MatchCandidate found = match(SHIPPED,
                anIncomingLead().withContactName("Maria Lopez").withEmail("maria.lopez@gmail.com"),
                aLead().withContactName("Maria Lopes").withEmail("maria.lopez@gmail.com")).getFirst();
        List<String> fields = found.explanation().stream().map(FieldMatch::field).toList();
        assertEquals(List.of("given_name", "surname", "email", "big_data"), fields);
        FieldMatch surname = found.explanation().get(1);
        assertEquals("lopez", surname.incomingValue());
        assertEquals("lopes", surname.candidateValue());
        assertEquals("jaro_winkler", surname.comparison());
        assertEquals(found.score(), found.explanation().getLast().similarity());
    }

    @Test
    void aStoredLeadIsFoundByTheBlockingKeysOfADuplicateWithATypo() {
        Set<MatchKey> index = SHIPPED.indexKeys(profile(aLead().withContactName("Katherine Smith")));
        Set<MatchKey> probe = new HashSet<>(SHIPPED.probeKeys(profile(anIncomingLead()
                .withContactName("Katherine Smyth")), context));
        probe.retainAll(index);
        assertFalse(probe.isEmpty());
        assertTrue(probe.stream().allMatch(k -> k.namespace().equals("big_data")));
    }

    @Test
    void attributesAreReadFromCustomFieldsUnderTheConfiguredKeys() {
        LeadPersons persons = LeadPersons.configured(RecordSchema.people(), new MatcherConfig("big_data", Map.of("field.postcode", "zip")));
        var person = persons.person(profile(aLead().withContactName("Lopez, Maria")
                .withLeadField("zip", CustomFieldValue.text("2119")).withContactField("date_of_birth", "19560409")));
        assertEquals("2119", person.value(Attribute.POSTCODE));
        assertEquals("19560409", person.value(Attribute.DATE_OF_BIRTH));
        assertEquals("maria", person.value(Attribute.GIVEN_NAME));
        assertEquals("lopez", person.value(Attribute.SURNAME));
    }

    @Test
    void theThresholdsCanBeOverriddenAndABadOneIsRefusedByName() {
        Matcher strict = new BigDataMatcherProvider().create(new MatcherConfig("big_data",
                Map.of("mergeThreshold", "1.0", "reviewThreshold", "0.01")));
        List<MatchCandidate> found = match(strict, anIncomingLead().withContactName("Maria Lopez"),
                aLead().withContactName("Maria Lopez"));
        assertEquals(Verdict.POSSIBLE_DUPLICATE, found.getFirst().verdict());
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> new BigDataMatcherProvider()
                .create(new MatcherConfig("big_data", Map.of("mergeThreshold", "0.2", "reviewThreshold", "0.5"))));
        assertTrue(error.getMessage().contains("matchers.big_data.mergeThreshold"), error.getMessage());
        InvalidRecordException unknown = assertThrows(InvalidRecordException.class, () -> new BigDataMatcherProvider()
                .create(new MatcherConfig("big_data", Map.of("treshold", "0.2"))));
        assertTrue(unknown.getMessage().contains("matchers.big_data.treshold is not an option"), unknown.getMessage());
    }

    @Test
    void aCorruptModelFileLeavesOnlyTheBigDataMethodUnavailableAndSaysWhy() throws IOException {
        Path corrupt = Files.write(dir.resolve("model.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        Matcher unavailable = new BigDataMatcherProvider().create(new MatcherConfig("big_data",
                Map.of("model", corrupt.toString())));
        Engine engine = new Engine(unavailable);
        Lead stored = engine.store(aLead().withEmail("jane@x.io").inStage(PipelineStage.incoming("sales")));

        Decision decision = engine.control.receive(anIncomingLead().from(SourceChannel.CHAT)
                .withEmail("jane@x.io").incoming());

        Decision.Merged merged = assertInstanceOf(Decision.Merged.class, decision);
        assertEquals(List.of(stored.id()), merged.mergedInto());
        assertEquals(BigDataMatcherProvider.METHOD, decision.failures().getFirst().method());
        String reason = decision.failures().getFirst().reason();
        assertTrue(reason.contains("matchers.big_data.model: this is not a model file"), reason);
        assertFalse(reason.contains(dir.toString()), "a decision never shows the server's paths: " + reason);
        assertEquals(new MatcherHealth.Unavailable("matchers.big_data.model: this is not a model file: the archive "
                + "holds no entries"), unavailable.health());
    }

    @Test
    void theModelsLoadTimeBudgetIsTheConfiguredOne() {
        Path slow = CraftedModels.withClassifier(dir.resolve("slow.zip"), CraftedModels.slowToHash(100_000, 50_000));

        Matcher unavailable = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new BigDataMatcherProvider()
                .create(new MatcherConfig("big_data", Map.of("model", slow.toString(),
                        "loadTimeBudgetSeconds", "1"))));

        assertEquals(new MatcherHealth.Unavailable("matchers.big_data.model: loading took longer than 1 s (the time "
                + "budget) and was stopped"), unavailable.health());
    }

    @Test
    void aLoadTimeBudgetOutOfRangeIsRefusedNamingTheOption() {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class, () -> new BigDataMatcherProvider()
                .create(new MatcherConfig("big_data", Map.of("loadTimeBudgetSeconds", "0"))));

        assertTrue(refused.getMessage().contains("matchers.big_data.loadTimeBudgetSeconds must be 1 to 3600"),
                refused.getMessage());
    }

    @Test
    void aDeserializationBombLeavesTheBigDataMethodUnavailableNamingTheLimitInsteadOfHanging() {
        Path bomb = CraftedModels.withClassifier(dir.resolve("bomb.zip"), CraftedModels.deserializationBomb(100));

        Matcher unavailable = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new BigDataMatcherProvider()
                .create(new MatcherConfig("big_data", Map.of("model", bomb.toString()))));

        assertEquals(new MatcherHealth.Unavailable("matchers.big_data.model: classifier.bin holds a class that is not "
                + "allowed in a model: java.util.HashSet"), unavailable.health());
        assertEquals(MatcherHealth.AVAILABLE, SHIPPED.health());
    }

    @Test
    void bigDataMergesAChatFromTheSamePersonOnArrival() {
        Engine engine = new Engine(SHIPPED);
        Lead stored = engine.store(aLead().withContactName("Ivan Petrov").withEmail("ivan.petrov@mail.ru")
                .withPhone("+7 495 123 45 67").inStage(PipelineStage.incoming("sales")));

        Decision decision = engine.control.receive(anIncomingLead().from(SourceChannel.CHAT)
                .withContactName("Petrov Ivan").withPhone("+74951234567").incoming());

        Decision.Merged merged = assertInstanceOf(Decision.Merged.class, decision);
        assertEquals(BigDataMatcherProvider.METHOD, merged.method());
        assertEquals(List.of(stored.id()), merged.mergedInto());
    }

    /** The engine with the email method and the given BIG DATA matcher over in-memory ports. */
    private static final class Engine {
        final InMemoryLeadRepository leads = new InMemoryLeadRepository();
        final InMemorySettingsStore settings = new InMemorySettingsStore();
        final InMemoryActivities activities = new InMemoryActivities();
        final InMemoryTransactor transactor = new InMemoryTransactor();
        final InstalledMatchers matchers;
        final DuplicateControl control;

        Engine(Matcher bigData) {
            RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
            matchers = new InstalledMatchers(List.of(new EmailMatcherProvider().create(MatcherConfig.empty("email")),
                    bigData), standardizer, new TimeBudgetMatcherGuard(Duration.ofSeconds(5)));
            settings.saveSettings(TENANT, DuplicateControlSettings.defaults()
                    .withMethods(Set.of(MatchMethod.EMAIL, BigDataMatcherProvider.METHOD)));
            control = new DuplicateControl(new DuplicateControlPorts(leads, settings, new InMemoryDecisionLog(),
                    new InMemoryMergeJournal(), activities, activities, transactor, transactor,
                    new InMemorySearchStores()), matchers,
                    new ConflictMerge(standardizer), new MutableClock(LeadBuilder.T0.plus(Duration.ofDays(1))));
        }

        Lead store(LeadBuilder builder) {
            Lead lead = builder.build();
            leads.insert(lead, matchers.indexKeys(lead, settings.settings(TENANT), new ArrayList<>()));
            return lead;
        }
    }
}
