package org.dedup.ml.features;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

import static org.dedup.ml.features.Comparison.BIGRAM_DICE;
import static org.dedup.ml.features.Comparison.DATE_CLOSENESS;
import static org.dedup.ml.features.Comparison.DAY_MONTH_SWAPPED;
import static org.dedup.ml.features.Comparison.EQUAL_RARITY;
import static org.dedup.ml.features.Comparison.EXACT;
import static org.dedup.ml.features.Comparison.JARO_WINKLER;
import static org.dedup.ml.features.Comparison.LEVENSHTEIN;
import static org.dedup.ml.features.Comparison.NUMERIC_CLOSENESS;
import static org.dedup.ml.features.Comparison.SOUND_ALIKE;
import static org.dedup.ml.features.Comparison.TOKEN_SET;

/**
 * The feature vector of a pair of person records. Per attribute: whether either value is missing, then its
 * {@link Comparison comparisons} (0 when a value is missing); a swapped-names similarity; for emails: equality,
 * the best local-part similarity and domain equality; for phones: E.164 equality and equality of the last seven
 * digits. {@link #SCHEMA} names every feature in order; its version changes whenever the vector does, and a model
 * trained on another version is refused.
 */
public final class PairFeatures {
    public static final int SCHEMA_VERSION = 1;
    private static final int PHONE_SUFFIX = 7;
    private static final Map<Attribute, List<Comparison>> COMPARISONS = comparisons();
    private static final Map<Attribute, Set<Comparison>> COMPARISON_SETS = comparisonSets();
    public static final FeatureSchema SCHEMA = new FeatureSchema(SCHEMA_VERSION, names());
    private static final List<ToDoubleBiFunction<String, String>> EMAIL_COMPARISONS = List.of(
            (x, y) -> x.equals(y) ? 1.0 : 0.0,
            (x, y) -> Similarities.jaroWinkler(localPart(x), localPart(y)),
            (x, y) -> domainOf(x).equals(domainOf(y)) ? 1.0 : 0.0);
    private static final List<ToDoubleBiFunction<String, String>> PHONE_COMPARISONS = List.of(
            (x, y) -> x.equals(y) ? 1.0 : 0.0,
            (x, y) -> suffix(x).equals(suffix(y)) ? 1.0 : 0.0);

    private final ValueFrequencies frequencies;

    public PairFeatures(ValueFrequencies frequencies) {
        this.frequencies = frequencies;
    }

    /** The record with its values prepared for comparison; prepare once, compare with many. */
    public PreparedRecord prepare(PersonRecord record) {
        return new PreparedRecord(record, COMPARISON_SETS, frequencies);
    }

    public double[] extract(PersonRecord a, PersonRecord b) {
        return extract(prepare(a), prepare(b));
    }

    public double[] extract(PreparedRecord a, PreparedRecord b) {
        double[] features = new double[SCHEMA.size()];
        int i = 0;
        for (Map.Entry<Attribute, List<Comparison>> entry : COMPARISONS.entrySet()) {
            PreparedValue x = a.value(entry.getKey());
            PreparedValue y = b.value(entry.getKey());
            boolean known = x != null && y != null;
            features[i++] = known ? 0.0 : 1.0;
            for (Comparison comparison : entry.getValue()) {
                features[i++] = known ? comparison.compare(x, y) : 0.0;
            }
        }
        features[i++] = swappedNames(a.record(), b.record());
        i = multiValued(a.record().emails(), b.record().emails(), EMAIL_COMPARISONS, features, i);
        multiValued(a.record().phones(), b.record().phones(), PHONE_COMPARISONS, features, i);
        return features;
    }

    /** Each attribute both records know, compared by its first comparison, in schema order. */
    public List<AttributeSimilarity> attributeSimilarities(PreparedRecord a, PreparedRecord b) {
        List<AttributeSimilarity> lines = new ArrayList<>();
        COMPARISONS.forEach((attribute, comparisons) -> {
            PreparedValue x = a.value(attribute);
            PreparedValue y = b.value(attribute);
            if (x != null && y != null) {
                Comparison comparison = comparisons.getFirst();
                lines.add(new AttributeSimilarity(attribute.key(), x.text(), y.text(),
                        comparison.name().toLowerCase(Locale.ROOT), comparison.compare(x, y)));
            }
        });
        return lines;
    }

    /** How alike the names are when given name and surname are swapped in one record (0 if either is missing). */
    private static double swappedNames(PersonRecord a, PersonRecord b) {
        if (!a.has(Attribute.GIVEN_NAME) || !a.has(Attribute.SURNAME) || !b.has(Attribute.GIVEN_NAME)
                || !b.has(Attribute.SURNAME)) {
            return 0.0;
        }
        return (Similarities.jaroWinkler(a.value(Attribute.GIVEN_NAME), b.value(Attribute.SURNAME))
                + Similarities.jaroWinkler(a.value(Attribute.SURNAME), b.value(Attribute.GIVEN_NAME))) / 2;
    }

    /**
     * Features of a value a person may have several of (emails, phones): whether either side has none, then per
     * comparison its best result over every pair of values. Returns the index after the last feature written.
     */
    private static int multiValued(Set<String> a, Set<String> b, List<ToDoubleBiFunction<String, String>> comparisons,
                                   double[] features, int start) {
        boolean known = !a.isEmpty() && !b.isEmpty();
        features[start] = known ? 0.0 : 1.0;
        for (int c = 0; c < comparisons.size(); c++) {
            double best = 0.0;
            if (known) {
                for (String x : a) {
                    for (String y : b) {
                        best = Math.max(best, comparisons.get(c).applyAsDouble(x, y));
                    }
                }
            }
            features[start + 1 + c] = best;
        }
        return start + 1 + comparisons.size();
    }

    public static String localPart(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    public static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }

    public static String suffix(String phone) {
        return phone.substring(Math.max(0, phone.length() - PHONE_SUFFIX));
    }

    private static Map<Attribute, List<Comparison>> comparisons() {
        Map<Attribute, List<Comparison>> table = new EnumMap<>(Attribute.class);
        List<Comparison> name = List.of(JARO_WINKLER, LEVENSHTEIN, BIGRAM_DICE, SOUND_ALIKE, EQUAL_RARITY);
        table.put(Attribute.GIVEN_NAME, name);
        table.put(Attribute.SURNAME, name);
        table.put(Attribute.STREET_NUMBER, List.of(EXACT, NUMERIC_CLOSENESS));
        table.put(Attribute.ADDRESS_1, List.of(JARO_WINKLER, TOKEN_SET));
        table.put(Attribute.ADDRESS_2, List.of(JARO_WINKLER));
        table.put(Attribute.SUBURB, List.of(JARO_WINKLER, LEVENSHTEIN, EQUAL_RARITY));
        table.put(Attribute.POSTCODE, List.of(EXACT, LEVENSHTEIN));
        table.put(Attribute.STATE, List.of(EXACT));
        table.put(Attribute.DATE_OF_BIRTH, List.of(EXACT, LEVENSHTEIN, DATE_CLOSENESS, DAY_MONTH_SWAPPED));
        table.put(Attribute.ID_NUMBER, List.of(EXACT, LEVENSHTEIN));
        table.put(Attribute.COMPANY, List.of(JARO_WINKLER, TOKEN_SET));
        return table;
    }

    private static Map<Attribute, Set<Comparison>> comparisonSets() {
        Map<Attribute, Set<Comparison>> sets = new EnumMap<>(Attribute.class);
        COMPARISONS.forEach((attribute, comparisons) -> sets.put(attribute, EnumSet.copyOf(comparisons)));
        return sets;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        COMPARISONS.forEach((attribute, comparisons) -> {
            names.add(attribute.key() + "_missing");
            comparisons.forEach(c -> names.add(c.featureName(attribute.key())));
        });
        names.add("names_swapped_jaro_winkler");
        names.addAll(List.of("email_missing", "email_exact", "email_local_jaro_winkler", "email_domain_exact"));
        names.addAll(List.of("phone_missing", "phone_exact", "phone_last7_exact"));
        return names;
    }
}
