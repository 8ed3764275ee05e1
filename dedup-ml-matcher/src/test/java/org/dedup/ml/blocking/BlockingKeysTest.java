package org.dedup.ml.blocking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.Persons.aPerson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockingKeysTest {
    private static final BlockingKeys KEYS = BlockingKeys.all(RecordSchema.people());

    private static boolean shareAKey(PersonRecord a, PersonRecord b) {
        Set<String> shared = new HashSet<>(KEYS.of(a));
        shared.retainAll(KEYS.of(b));
        return !shared.isEmpty();
    }

    @Test
    void aDuplicateWithATypoInTheSurnameSharesAKey() {
        assertTrue(shareAKey(aPerson("a").named("john", "smith").build(), aPerson("b").named("john", "smyth").build()));
    }

    @Test
    void swappedGivenNameAndSurnameShareAKey() {
        assertTrue(shareAKey(aPerson("a").named("john", "smith").build(), aPerson("b").named("smith", "john").build()));
    }

    @Test
    void aDuplicateWithoutANameIsFoundByDateOfBirthIdentityNumberEmailOrPhone() {
        PersonRecord full = aPerson("a").named("john", "smith").with(Attribute.DATE_OF_BIRTH, "19560409")
                .with(Attribute.ID_NUMBER, "1804974").withEmail("js@x.io").withPhone("+442079460958").build();
        assertTrue(shareAKey(full, aPerson("b").with(Attribute.ID_NUMBER, "1804974").build()));
        assertTrue(shareAKey(full, aPerson("c").withEmail("js@x.io").build()));
        assertTrue(shareAKey(full, aPerson("d").withPhone("+4402079460958").build()));
        assertTrue(shareAKey(full, aPerson("e").named("john", "").with(Attribute.DATE_OF_BIRTH, "19560409").build()));
    }

    @Test
    void peopleWithNothingInCommonShareNoKey() {
        assertFalse(shareAKey(aPerson("a").named("john", "smith").with(Attribute.POSTCODE, "2119").build(),
                aPerson("b").named("maria", "lopez").with(Attribute.POSTCODE, "3000").build()));
    }

    @Test
    void theBlockerPairsRecordsSharingAKeyOnceAndLinkageOnlyAcrossTheSets() {
        PersonRecord a = aPerson("a").named("john", "smith").withEmail("js@x.io").build();
        PersonRecord b = aPerson("b").named("john", "smith").withEmail("js@x.io").build();
        PersonRecord c = aPerson("c").named("john", "smith").build();
        Blocker blocker = new Blocker(KEYS, 100);
        assertEquals(3, blocker.dedupPairs(List.of(a, b, c)).size());
        assertEquals(2, blocker.linkagePairs(List.of(a), List.of(b, c)).size());
        assertTrue(blocker.linkagePairs(List.of(a), List.of(b, c)).stream().allMatch(p -> p.first() == a));
        assertEquals(0, new Blocker(KEYS, 2).dedupPairs(List.of(a, b, c)).stream()
                .filter(p -> p.second() == c).count(), "a block larger than the limit is skipped");
    }

    @Test
    void genericValuesNeverFormABlock() {
        PersonRecord a = aPerson("a").named("ann", "lee").withEmail("info@acme.com").withPhone("0000000")
                .with(Attribute.ID_NUMBER, "test").build();
        PersonRecord b = aPerson("b").named("bob", "cho").withEmail("info@acme.com").withPhone("0000000")
                .with(Attribute.ID_NUMBER, "test").build();
        assertFalse(shareAKey(a, b), KEYS.of(a).toString());
    }

    @Test
    void aKeyTrainingFoundSharedByTooManyRecordsNeverFormsABlock() {
        PersonRecord a = aPerson("a").named("ann", "lee").withPhone("+13125550100").build();
        PersonRecord b = aPerson("b").named("bob", "cho").withPhone("+13125550100").build();
        assertTrue(shareAKey(a, b));
        BlockingKeys withoutSwitchboard = new BlockingKeys(KEYS.rules(), Set.of("ph:5550100"));
        Set<String> shared = new HashSet<>(withoutSwitchboard.of(a));
        shared.retainAll(withoutSwitchboard.of(b));
        assertTrue(shared.isEmpty(), shared.toString());
    }

    @Test
    void anUnknownRuleIsRefusedNamingTheSchemasRules() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BlockingKeys.of(RecordSchema.people(), List.of("cw.company_name"), Set.of()));
        assertTrue(error.getMessage().contains("does not follow from the people schema"), error.getMessage());
    }
}
