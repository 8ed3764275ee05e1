package org.dedup.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.Kind;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * The feature vector of a pair of records, derived from their {@link RecordSchema}. Per single-valued attribute:
 * whether either value is missing, then the {@link Comparison comparisons} of its kind (0 when a value is missing);
 * a swapped-names similarity when the schema has a given name and a surname; for emails: equality, the best
 * local-part similarity and domain equality; for phones: equality and equality of the last seven digits.
 * {@link #schema()} names every feature in order; its version changes whenever the code computing a feature does,
 * and a model whose names differ from its schema's is refused.
 */
public final class PairFeatures {
    public static final int SCHEMA_VERSION = 2;
    private static final int PHONE_SUFFIX = 7;
    private static final List<ToDoubleBiFunction<String, String>> EMAIL_COMPARISONS = List.of(
            (x, y) -> x.equals(y) ? 1.0 : 0.0,
            (x, y) -> Similarities.jaroWinkler(localPart(x), localPart(y)),
            (x, y) -> domainOf(x).equals(domainOf(y)) ? 1.0 : 0.0);
    private static final List<ToDoubleBiFunction<String, String>> PHONE_COMPARISONS = List.of(
            (x, y) -> x.equals(y) ? 1.0 : 0.0,
            (x, y) -> suffix(x).equals(suffix(y)) ? 1.0 : 0.0);

    private final RecordSchema recordSchema;
    private final List<Attribute> attributes;
    /** By position of the attribute: the comparisons of its kind, in feature order. */
    private final Comparison[][] comparisons;
    private final List<Set<Comparison>> comparisonSets;
    /** By position: how rare the attribute's values and words are. */
    private final List<ValueFrequencies.Rarities> rarities;
    /** The given name and surname when the schema has both: the swapped-names feature compares them crosswise. */
    private final Optional<NamePositions> namePositions;
    private final boolean emails;
    private final boolean phones;
    private final FeatureSchema schema;

    public PairFeatures(RecordSchema recordSchema, ValueFrequencies frequencies) {
        this.recordSchema = recordSchema;
        this.attributes = recordSchema.singleValued();
        this.comparisons = attributes.stream().map(a -> KindComparisons.of(a.kind()).toArray(Comparison[]::new))
                .toArray(Comparison[][]::new);
        this.comparisonSets = Arrays.stream(comparisons).map(c -> (Set<Comparison>) (c.length == 0
                ? EnumSet.noneOf(Comparison.class) : EnumSet.copyOf(Arrays.asList(c)))).toList();
        this.rarities = attributes.stream().map(a -> frequencies.of(a.key())).toList();
        this.namePositions = recordSchema.ofKind(Kind.GIVEN_NAME).flatMap(given -> recordSchema.ofKind(Kind.SURNAME)
                .map(surname -> new NamePositions(attributes.indexOf(given), attributes.indexOf(surname))));
        this.emails = recordSchema.has(Kind.EMAIL);
        this.phones = recordSchema.has(Kind.PHONE);
        this.schema = new FeatureSchema(SCHEMA_VERSION, names());
    }

    /** The names of the features, in order. */
    public FeatureSchema schema() {
        return schema;
    }

    public RecordSchema recordSchema() {
        return recordSchema;
    }

    /** The record with its values prepared for comparison; prepare once, compare with many. */
    public PreparedRecord prepare(PersonRecord record) {
        return new PreparedRecord(record, attributes, comparisonSets, rarities);
    }

    public double[] extract(PersonRecord a, PersonRecord b) {
        return extract(prepare(a), prepare(b));
    }

    /**
     * The features of a pair. A value equal on both sides is compared with itself: every comparison gives the same
     * for two equal values (their prepared forms are equal too), and most see at once that it is the same value.
     */
    public double[] extract(PreparedRecord a, PreparedRecord b) {
        double[] features = new double[schema.size()];
        int i = 0;
        for (int position = 0; position < comparisons.length; position++) {
            Comparison[] compared = comparisons[position];
            PreparedValue x = a.value(position);
            PreparedValue y = b.value(position);
            if (x == null || y == null) {
                features[i] = 1.0;
                i += 1 + compared.length;
            } else {
                PreparedValue other = x.text().equals(y.text()) ? x : y;
                i++;
                for (Comparison comparison : compared) {
                    features[i++] = comparison.compare(x, other);
                }
            }
        }
        if (namePositions.isPresent()) {
            features[i++] = namePositions.get().swappedSimilarity(a, b);
        }
        if (emails) {
            i = multiValued(a.record().emails(), b.record().emails(), EMAIL_COMPARISONS, features, i);
        }
        if (phones) {
            multiValued(a.record().phones(), b.record().phones(), PHONE_COMPARISONS, features, i);
        }
        return features;
    }

    /** Each attribute both records know, compared by its first comparison, in schema order. */
    public List<AttributeSimilarity> attributeSimilarities(PreparedRecord a, PreparedRecord b) {
        List<AttributeSimilarity> lines = new ArrayList<>();
        for (int position = 0; position < attributes.size(); position++) {
            PreparedValue x = a.value(position);
            PreparedValue y = b.value(position);
            if (x != null && y != null) {
                Comparison comparison = comparisons[position][0];
                lines.add(new AttributeSimilarity(attributes.get(position).key(), x.text(), y.text(),
                        comparison.name().toLowerCase(Locale.ROOT), comparison.compare(x, y)));
            }
        }
        return lines;
    }

    /** The positions of the given name and the surname among the single-valued attributes. */
    private record NamePositions(int given, int surname) {
        /** How alike the names are when given name and surname are swapped in one record (0 if either is missing). */
        double swappedSimilarity(PreparedRecord a, PreparedRecord b) {
            PreparedValue aGiven = a.value(given);
            PreparedValue aSurname = a.value(surname);
            PreparedValue bGiven = b.value(given);
            PreparedValue bSurname = b.value(surname);
            if (aGiven == null || aSurname == null || bGiven == null || bSurname == null) {
                return 0.0;
            }
            return (Similarities.jaroWinkler(aGiven.text(), bSurname.text())
                    + Similarities.jaroWinkler(aSurname.text(), bGiven.text())) / 2;
        }
    }

    /**
     * Features of a value a record may have several of (emails, phones): whether either side has none, then per
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

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (int position = 0; position < attributes.size(); position++) {
            String key = attributes.get(position).key();
            names.add(key + "_missing");
            Arrays.stream(comparisons[position]).forEach(c -> names.add(c.featureName(key)));
        }
        if (namePositions.isPresent()) {
            names.add("names_swapped_jaro_winkler");
        }
        if (emails) {
            names.addAll(List.of("email_missing", "email_exact", "email_local_jaro_winkler", "email_domain_exact"));
        }
        if (phones) {
            names.addAll(List.of("phone_missing", "phone_exact", "phone_last7_exact"));
        }
        return names;
    }
}
