package org.dedup.domain.merge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordRef;

/** What a person decides in a manual merge, checked the same way whatever kind of record is merged. */
public final class MergeChoices {
    private MergeChoices() {
    }

    /** The distinct records of a merge request, refused when fewer than two or the survivor is not among them. */
    public static <I> List<I> records(List<I> records, I survivor) {
        List<I> distinct = List.copyOf(new LinkedHashSet<>(records));
        if (distinct.size() < 2) {
            throw new InvalidRecordException("a merge needs at least two different records, got " + distinct.size());
        }
        if (!distinct.contains(survivor)) {
            throw new InvalidRecordException("the surviving record " + survivor + " must be one of the merged records");
        }
        return distinct;
    }

    /**
     * The record a person chose the value of {@code field} from, its provenance recorded; empty when no one chose.
     * A choice of a record that is not merged is refused.
     */
    public static <R, I extends RecordRef> Optional<R> chosen(String field, List<R> records, Map<String, I> choices,
                                                              Function<R, I> id, Function<R, String> value,
                                                              List<FieldProvenance> provenance) {
        I chosen = choices.get(field);
        if (chosen == null) {
            return Optional.empty();
        }
        R source = records.stream().filter(r -> id.apply(r).equals(chosen)).findFirst().orElseThrow(
                () -> new InvalidRecordException("the value of " + field + " was chosen from " + chosen
                        + ", which is not one of the merged records"));
        provenance.add(new FieldProvenance(field, value.apply(source), chosen, SurvivorshipRule.MANUAL));
        return Optional.of(source);
    }
}
