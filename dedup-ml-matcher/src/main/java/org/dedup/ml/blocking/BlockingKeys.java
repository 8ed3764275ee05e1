package org.dedup.ml.blocking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * The blocking keys of a record: only records sharing a key are ever compared. The rules are those training chose
 * among the ones the schema's kinds allow ({@link KeyRule#of}); a key is {@code <rule>:<value>}. Generic values
 * ({@link GenericValues}) and the keys training found shared by too many records ({@code common}: a switchboard
 * number, a chain's name) never form a key.
 */
public record BlockingKeys(List<KeyRule> rules, Set<String> common) {
    public BlockingKeys {
        rules = List.copyOf(rules);
        common = Set.copyOf(common);
    }

    /** The rules of {@code schema} named in {@code names}, in that order; an unknown name is refused. */
    public static BlockingKeys of(RecordSchema schema, List<String> names, Set<String> common) {
        List<KeyRule> available = KeyRule.of(schema);
        List<KeyRule> chosen = names.stream().map(name -> available.stream().filter(r -> r.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("blocking rule '" + name + "' does not "
                        + "follow from the " + schema.name() + " schema; its rules are "
                        + available.stream().map(KeyRule::name).toList()))).toList();
        return new BlockingKeys(chosen, common);
    }

    /** Every rule of {@code schema}, no common keys: for tests and for labelled pairs without record sets. */
    public static BlockingKeys all(RecordSchema schema) {
        return new BlockingKeys(KeyRule.of(schema), Set.of());
    }

    public List<String> names() {
        return rules.stream().map(KeyRule::name).toList();
    }

    public Set<String> of(PersonRecord record) {
        Set<String> keys = new LinkedHashSet<>();
        for (KeyRule rule : rules) {
            collect(rule, record, keys, common);
        }
        return keys;
    }

    /** The keys {@code rule} forms for {@code record}, generic values left out. */
    static void collect(KeyRule rule, PersonRecord record, Set<String> keys, Set<String> common) {
        rule.rule().keys(record, value -> {
            String key = rule.name() + ":" + value;
            if (!value.isEmpty() && !GenericValues.generic(rule.name(), value) && !common.contains(key)) {
                keys.add(key);
            }
        });
    }
}
