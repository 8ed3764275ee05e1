package org.dedup.ml.blocking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.Similarities;
import org.dedup.ml.record.Addresses;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.Kind;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * One way of forming blocking keys, derived from the kinds of a schema's attributes; its name is the prefix of the
 * keys it forms (and what a model file lists). Training chooses which of a schema's rules a model uses.
 */
public record KeyRule(String name, Rule rule) {
    private static final int MIN_LOCAL_PART = 5;
    private static final int MIN_WORD = 3;

    /** Adds the key values of a record to a consumer. */
    @FunctionalInterface
    public interface Rule {
        void keys(PersonRecord record, Consumer<String> out);
    }

    /** Every rule the kinds of {@code schema} allow. */
    public static List<KeyRule> of(RecordSchema schema) {
        List<KeyRule> rules = new ArrayList<>();
        schema.ofKind(Kind.GIVEN_NAME).ifPresent(given -> schema.ofKind(Kind.SURNAME).ifPresent(surname -> {
            rules.add(new KeyRule("np", (r, out) -> {
                if (r.has(given) && r.has(surname)) {
                    out.accept(Similarities.phoneticCode(r.value(surname)) + "|" + r.value(given).charAt(0));
                    out.accept(Similarities.phoneticCode(r.value(given)) + "|" + r.value(surname).charAt(0));
                }
            }));
            schema.ofKind(Kind.POSTCODE).ifPresent(postcode -> rules.add(pairOf("pc", postcode, surname,
                    Similarities::phoneticCode)));
        }));
        schema.ofKind(Kind.STREET_NUMBER).ifPresent(number -> schema.ofKind(Kind.POSTCODE).ifPresent(postcode ->
                rules.add(pairOf("ad", number, postcode, v -> v))));
        for (Attribute attribute : schema.attributes()) {
            String key = attribute.key();
            switch (attribute.kind()) {
                case DATE, EXACT_ID, WEBSITE, POSTCODE -> rules.add(single("eq." + key, attribute, (v, out) ->
                        out.accept(v)));
                case PERSON_NAME -> rules.add(single("pn." + key, attribute, (v, out) -> {
                    String[] words = v.split(" ");
                    out.accept(Similarities.phoneticCode(words[words.length - 1]) + "|" + words[0].charAt(0));
                }));
                case COMPANY_NAME -> {
                    rules.add(single("cn." + key, attribute, (v, out) -> out.accept(v)));
                    rules.add(single("cw." + key, attribute, (v, out) -> {
                        for (String word : v.split(" ")) {
                            if (word.length() >= MIN_WORD) {
                                out.accept(word);
                            }
                        }
                    }));
                    rules.add(single("cf." + key, attribute, (v, out) -> out.accept(firstWords(v, 2))));
                    schema.ofKind(Kind.POSTCODE).ifPresent(postcode -> rules.add(pairOf("cp." + key, postcode,
                            attribute, v -> firstWords(v, 1))));
                }
                case ADDRESS -> {
                    rules.add(single("as." + key, attribute, (v, out) -> {
                        String street = Addresses.numberAndStreet(v);
                        if (!street.isEmpty()) {
                            out.accept(street);
                        }
                    }));
                    rules.add(single("ax." + key, attribute, (v, out) -> out.accept(v)));
                }
                case EMAIL -> {
                    rules.add(new KeyRule("em", (r, out) -> r.emails().forEach(out)));
                    rules.add(new KeyRule("el", (r, out) -> r.emails().stream().map(PairFeatures::localPart)
                            .filter(l -> l.length() >= MIN_LOCAL_PART).forEach(out)));
                }
                case PHONE -> rules.add(new KeyRule("ph", (r, out) -> r.phones().stream().map(PairFeatures::suffix)
                        .forEach(out)));
                default -> { }
            }
        }
        return rules;
    }

    private static String firstWords(String value, int count) {
        String[] words = value.split(" ");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < Math.min(count, words.length); i++) {
            out.append(' ').append(words[i]);
        }
        return out.toString();
    }

    private static KeyRule single(String name, Attribute attribute, BiConsumer<String, Consumer<String>> keys) {
        return new KeyRule(name, (r, out) -> {
            if (r.has(attribute)) {
                keys.accept(r.value(attribute), out);
            }
        });
    }

    private static KeyRule pairOf(String name, Attribute first, Attribute second,
                                  UnaryOperator<String> secondKey) {
        return new KeyRule(name, (r, out) -> {
            if (r.has(first) && r.has(second)) {
                out.accept(r.value(first) + "|" + secondKey.apply(r.value(second)));
            }
        });
    }
}
