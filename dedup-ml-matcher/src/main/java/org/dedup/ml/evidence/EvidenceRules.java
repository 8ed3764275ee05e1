package org.dedup.ml.evidence;

import java.util.Optional;
import java.util.Set;

import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.Similarities;
import org.dedup.ml.record.Addresses;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.Kind;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * What a merge needs beyond a high score: evidence that the two records are one entity, not two that share a name.
 * Whatever the model says, a pair that breaks a rule is never merged automatically; it goes to review at most. The
 * rules, in the order they are checked:
 * <ol>
 *   <li>{@link Rule#PARENT_AND_CHILD}: the same name with dates of birth a generation apart (and no identity number
 *   in common);</li>
 *   <li>{@link Rule#HOUSEHOLD_MEMBERS}: the same surname and a shared phone or email, but another given name (and no
 *   identity number in common);</li>
 *   <li>{@link Rule#NAMESAKES_WITH_DIFFERENT_EMAILS}: both have emails, none shared, and nothing else identifies
 *   them as one (no shared phone, date of birth, identity number or address);</li>
 *   <li>{@link Rule#NOTHING_BEYOND_THE_NAME}: nothing but the name agrees (a shared email domain, even a company's,
 *   is not evidence).</li>
 * </ol>
 */
public final class EvidenceRules {
    private static final double SAME_NAME = 0.9;
    private static final double SAME_VALUE = 0.85;
    private static final double SAME_ADDRESS = 0.9;
    private static final int GENERATION_YEARS = 12;

    /** A reason a pair is not merged automatically. */
    public enum Rule {
        PARENT_AND_CHILD("the same name with dates of birth a generation apart: parent and child?"),
        HOUSEHOLD_MEMBERS("the same surname and a shared phone or email but another given name: members of one "
                + "household?"),
        NAMESAKES_WITH_DIFFERENT_EMAILS("namesakes with different emails and nothing else in common"),
        NOTHING_BEYOND_THE_NAME("nothing but the name agrees (a shared email domain is no evidence)");

        private final String reason;

        Rule(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final Attribute given;
    private final Attribute surname;
    private final Set<Attribute> dates;
    private final Set<Attribute> identifiers;
    private final Set<Attribute> addresses;

    public EvidenceRules(RecordSchema schema) {
        this.given = schema.ofKind(Kind.GIVEN_NAME).orElse(null);
        this.surname = schema.ofKind(Kind.SURNAME).orElse(null);
        this.dates = kinds(schema, Set.of(Kind.DATE));
        this.identifiers = kinds(schema, Set.of(Kind.EXACT_ID, Kind.WEBSITE));
        this.addresses = kinds(schema, Set.of(Kind.ADDRESS, Kind.STREET_NUMBER));
    }

    /** The first rule the pair breaks, if any. */
    public Optional<Rule> broken(PersonRecord a, PersonRecord b) {
        if (sameName(a, b) && generationApart(a, b) && !sameIdentifier(a, b)) {
            return Optional.of(Rule.PARENT_AND_CHILD);
        }
        boolean sharedContact = a.emails().stream().anyMatch(b.emails()::contains) || sharePhone(a, b);
        if (household(a, b) && sharedContact && !sameIdentifier(a, b)) {
            return Optional.of(Rule.HOUSEHOLD_MEMBERS);
        }
        boolean corroborated = sharedContact || sameDate(a, b) || sameIdentifier(a, b) || sameAddress(a, b);
        if (!corroborated && !a.emails().isEmpty() && !b.emails().isEmpty()) {
            return Optional.of(Rule.NAMESAKES_WITH_DIFFERENT_EMAILS);
        }
        if (!corroborated) {
            return Optional.of(Rule.NOTHING_BEYOND_THE_NAME);
        }
        return Optional.empty();
    }

    private boolean sameName(PersonRecord a, PersonRecord b) {
        return given != null && surname != null && similar(a, b, given, SAME_NAME) && similar(a, b, surname, SAME_NAME);
    }

    /** Same surname, both given names known and unlike each other (and not merely swapped with the surname). */
    private boolean household(PersonRecord a, PersonRecord b) {
        if (given == null || surname == null || !a.has(given) || !b.has(given)
                || !a.value(surname).equals(b.value(surname)) || !a.has(surname)) {
            return false;
        }
        String x = a.value(given);
        String y = b.value(given);
        return Similarities.jaroWinkler(x, y) < SAME_VALUE && !x.startsWith(y) && !y.startsWith(x);
    }

    private boolean generationApart(PersonRecord a, PersonRecord b) {
        for (Attribute date : dates) {
            int x = year(a.value(date));
            int y = year(b.value(date));
            if (x > 0 && y > 0 && Math.abs(x - y) >= GENERATION_YEARS) {
                return true;
            }
        }
        return false;
    }

    private boolean sameDate(PersonRecord a, PersonRecord b) {
        return dates.stream().anyMatch(d -> similar(a, b, d, SAME_VALUE));
    }

    private boolean sameIdentifier(PersonRecord a, PersonRecord b) {
        return identifiers.stream().anyMatch(id -> similar(a, b, id, SAME_VALUE));
    }

    /** Nearly the same address line, or the same house number on the same street however the rest is written. */
    private boolean sameAddress(PersonRecord a, PersonRecord b) {
        return addresses.stream().anyMatch(address -> similar(a, b, address, SAME_ADDRESS) || a.has(address)
                && !Addresses.numberAndStreet(a.value(address)).isEmpty()
                && Addresses.numberAndStreet(a.value(address)).equals(Addresses.numberAndStreet(b.value(address))));
    }

    private static boolean similar(PersonRecord a, PersonRecord b, Attribute attribute, double at) {
        return a.has(attribute) && b.has(attribute) && Similarities.levenshtein(a.value(attribute),
                b.value(attribute)) >= at;
    }

    /** Phones agree on their last seven digits (one may lack the area code). */
    private static boolean sharePhone(PersonRecord a, PersonRecord b) {
        return a.phones().stream().map(PairFeatures::suffix)
                .anyMatch(x -> b.phones().stream().map(PairFeatures::suffix).anyMatch(x::equals));
    }

    /** The year of a date written yyyyMMdd (with or without separators); 0 when it is not such a date. */
    private static int year(String date) {
        String digits = date.replaceAll("\\D", "");
        return digits.length() == 8 ? Integer.parseInt(digits.substring(0, 4)) : 0;
    }

    private static Set<Attribute> kinds(RecordSchema schema, Set<Kind> kinds) {
        return Set.copyOf(schema.attributes().stream().filter(a -> kinds.contains(a.kind())).toList());
    }
}
