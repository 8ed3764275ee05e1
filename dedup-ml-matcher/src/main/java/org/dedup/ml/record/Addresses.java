package org.dedup.ml.record;

import java.util.Set;

/** What a normalized street address line is made of. */
public final class Addresses {
    private static final Set<String> DIRECTIONS = Set.of("n", "s", "e", "w");

    private Addresses() {
    }

    /** The house number and the first word of the street after it, directions skipped: "1009 cleveland". */
    public static String numberAndStreet(String address) {
        String[] words = address.split(" ");
        if (words.length < 2 || words[0].isEmpty() || !Character.isDigit(words[0].charAt(0))) {
            return "";
        }
        for (int i = 1; i < words.length; i++) {
            if (!DIRECTIONS.contains(words[i])) {
                return words[0] + " " + words[i];
            }
        }
        return "";
    }
}
