package org.dedup.ml.features;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        i = emails(a.record().emails(), b.record().emails(), features, i);
        phones(a.record().phones(), b.record().phones(), features, i);
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

    private static int emails(Set<String> a, Set<String> b, double[] features, int start) {
        int i = start;
        boolean known = !a.isEmpty() && !b.isEmpty();
        features[i++] = known ? 0.0 : 1.0;
        double equal = 0.0;
        double local = 0.0;
        double domain = 0.0;
        if (known) {
            for (String x : a) {
                for (String y : b) {
                    equal = Math.max(equal, x.equals(y) ? 1.0 : 0.0);
                    local = Math.max(local, Similarities.jaroWinkler(localPart(x), localPart(y)));
                    domain = Math.max(domain, domainOf(x).equals(domainOf(y)) ? 1.0 : 0.0);
                }
            }
        }
        features[i++] = equal;
        features[i++] = local;
        features[i++] = domain;
        return i;
    }

    private static void phones(Set<String> a, Set<String> b, double[] features, int start) {
        int i = start;
        boolean known = !a.isEmpty() && !b.isEmpty();
        features[i++] = known ? 0.0 : 1.0;
        double equal = 0.0;
        double suffix = 0.0;
        if (known) {
            for (String x : a) {
                for (String y : b) {
                    equal = Math.max(equal, x.equals(y) ? 1.0 : 0.0);
                    suffix = Math.max(suffix, suffix(x).equals(suffix(y)) ? 1.0 : 0.0);
                }
            }
        }
        features[i++] = equal;
        features[i] = suffix;
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
