package org.dedup.domain.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;
import org.junit.jupiter.api.Test;

/** "Not a duplicate" is a constraint of bulk search: no group ever holds a marked pair. */
class BulkSearchMarksTest {
    private static final DuplicateRule BY_EMAIL = rule("Contact: email", ProfileField.EMAIL);
    private static final DuplicateRule BY_PHONE = rule("Contact: phone", ProfileField.PHONE_LAST10);
    private static final List<DuplicateRule> RULES = List.of(BY_EMAIL, BY_PHONE);
    private final BulkSearch search = new BulkSearch();

    private static DuplicateRule rule(String name, ProfileField field) {
        return new DuplicateRule(name, Set.of(RecordKind.CONTACT), List.of(field), true, true, true);
    }

    /** A contact's profile: "e:x" values are emails, "p:x" phones. */
    private static RecordProfile contact(ContactId id, String... values) {
        Map<ProfileField, Set<String>> fields = new HashMap<>();
        for (String value : values) {
            ProfileField field = value.startsWith("e:") ? ProfileField.EMAIL : ProfileField.PHONE_LAST10;
            fields.computeIfAbsent(field, f -> new HashSet<>()).add(value.substring(2));
        }
        return new RecordProfile(id, fields, List.of());
    }

    private static Set<Set<RecordRef>> groups(BulkSearchResult result) {
        Set<Set<RecordRef>> groups = new HashSet<>();
        result.groups().forEach(group -> groups.add(Set.copyOf(group.members())));
        return groups;
    }

    @Test
    void aMarkedPairIsNeverGroupedThroughAThirdRecordThatMatchesBoth() {
        ContactId a = ContactId.random();
        ContactId b = ContactId.random();
        ContactId c = ContactId.random();
        List<RecordProfile> records = List.of(contact(a, "e:x"), contact(b, "p:1"), contact(c, "e:x", "p:1"));

        BulkSearchResult result = search.run(records, RULES, Set.of(new RecordPair(a, b)), List.of());

        assertEquals(1, result.groups().size());
        Set<RecordRef> group = Set.copyOf(result.groups().getFirst().members());
        assertFalse(group.containsAll(Set.of(a, b)), "the marked pair shares a group: " + group);
    }

    @Test
    void theWeakestLinkIsCutWhenAMarkedPairWouldShareAGroup() {
        ContactId a = ContactId.random();
        ContactId b = ContactId.random();
        ContactId c = ContactId.random();
        List<RecordProfile> records = List.of(contact(a, "e:x", "p:1"), contact(b, "e:y"), contact(c, "e:x", "e:y",
                "p:1"));

        BulkSearchResult result = search.run(records, RULES, Set.of(new RecordPair(a, b)), List.of());

        assertEquals(Set.of(Set.<RecordRef>of(a, c)), groups(result), "a and c share two values, b and c one");
        assertEquals(List.of("Contact: email", "Contact: phone"), result.groups().getFirst().rules());
    }

    @Test
    void groupsWithoutAMarkedPairAreNotSplit() {
        ContactId a = ContactId.random();
        ContactId b = ContactId.random();
        ContactId c = ContactId.random();
        ContactId d = ContactId.random();
        ContactId e = ContactId.random();
        List<RecordProfile> records = List.of(contact(a, "e:x"), contact(b, "e:x", "p:1"), contact(c, "p:1"),
                contact(d, "e:z"), contact(e, "e:z"));

        BulkSearchResult result = search.run(records, RULES, Set.of(new RecordPair(a, d)), List.of());

        assertEquals(Set.of(Set.<RecordRef>of(a, b, c), Set.<RecordRef>of(d, e)), groups(result));
    }

    @Test
    void aSplitGroupIsTheSameWhateverOrderTheRecordsComeIn() {
        List<ContactId> ids = new ArrayList<>();
        List<RecordProfile> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ContactId id = new ContactId(new UUID(0, i));
            ids.add(id);
            records.add(contact(id, "e:shared"));
        }
        Set<RecordPair> marked = Set.of(new RecordPair(ids.get(0), ids.get(5)), new RecordPair(ids.get(1), ids.get(4)));
        Set<Set<RecordRef>> first = groups(search.run(records, RULES, marked, List.of()));

        for (long seed = 0; seed < 20; seed++) {
            List<RecordProfile> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(first, groups(search.run(shuffled, RULES, marked, List.of())));
        }
    }

    @Property(tries = 300)
    void noGroupEverHoldsAMarkedPair(@ForAll long seed) {
        Random random = new Random(seed);
        List<RecordProfile> records = new ArrayList<>();
        List<ContactId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ContactId id = ContactId.random();
            ids.add(id);
            records.add(contact(id, "e:" + random.nextInt(4), "p:" + random.nextInt(4)));
        }
        Set<RecordPair> marked = new HashSet<>();
        for (int m = 0; m < 6; m++) {
            int x = random.nextInt(ids.size());
            int y = random.nextInt(ids.size());
            if (x != y) {
                marked.add(new RecordPair(ids.get(x), ids.get(y)));
            }
        }

        for (DuplicateGroup group : search.run(records, RULES, marked, List.of()).groups()) {
            for (RecordPair pair : marked) {
                assertFalse(group.members().containsAll(List.of(pair.first(), pair.second())),
                        pair + " shares group " + group.members());
            }
        }
    }
}
