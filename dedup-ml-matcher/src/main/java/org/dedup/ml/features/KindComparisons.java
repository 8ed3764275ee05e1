package org.dedup.ml.features;

import java.util.List;

import org.dedup.ml.record.Kind;

import static org.dedup.ml.features.Comparison.BIGRAM_DICE;
import static org.dedup.ml.features.Comparison.DATE_CLOSENESS;
import static org.dedup.ml.features.Comparison.DAY_MONTH_SWAPPED;
import static org.dedup.ml.features.Comparison.EQUAL_RARITY;
import static org.dedup.ml.features.Comparison.EXACT;
import static org.dedup.ml.features.Comparison.HOUSE_NUMBER;
import static org.dedup.ml.features.Comparison.JARO_WINKLER;
import static org.dedup.ml.features.Comparison.LEVENSHTEIN;
import static org.dedup.ml.features.Comparison.NUMERIC_CLOSENESS;
import static org.dedup.ml.features.Comparison.RARE_TOKENS;
import static org.dedup.ml.features.Comparison.SOUND_ALIKE;
import static org.dedup.ml.features.Comparison.STREET_JARO_WINKLER;
import static org.dedup.ml.features.Comparison.TOKEN_CONTAINMENT;
import static org.dedup.ml.features.Comparison.TOKEN_SET;

/** The comparisons each kind of single-valued attribute is compared by; the first one explains a pair. */
final class KindComparisons {
    private KindComparisons() {
    }

    static List<Comparison> of(Kind kind) {
        return switch (kind) {
            case GIVEN_NAME, SURNAME -> List.of(JARO_WINKLER, LEVENSHTEIN, BIGRAM_DICE, SOUND_ALIKE, EQUAL_RARITY);
            case PERSON_NAME -> List.of(JARO_WINKLER, TOKEN_SET, BIGRAM_DICE, EQUAL_RARITY);
            case COMPANY_NAME -> List.of(JARO_WINKLER, TOKEN_SET, BIGRAM_DICE, TOKEN_CONTAINMENT, RARE_TOKENS, EXACT);
            case ADDRESS -> List.of(JARO_WINKLER, TOKEN_SET, HOUSE_NUMBER, STREET_JARO_WINKLER, RARE_TOKENS);
            case STREET_NUMBER -> List.of(EXACT, NUMERIC_CLOSENESS);
            case CITY -> List.of(JARO_WINKLER, LEVENSHTEIN, EQUAL_RARITY);
            case POSTCODE, EXACT_ID -> List.of(EXACT, LEVENSHTEIN);
            case DATE -> List.of(EXACT, LEVENSHTEIN, DATE_CLOSENESS, DAY_MONTH_SWAPPED);
            case FREE_TEXT -> List.of(JARO_WINKLER, TOKEN_SET);
            case WEBSITE, CUSTOM -> List.of(EXACT, JARO_WINKLER);
            case EMAIL, PHONE -> List.of();
        };
    }
}
