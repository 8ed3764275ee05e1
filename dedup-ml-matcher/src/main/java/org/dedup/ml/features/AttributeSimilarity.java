package org.dedup.ml.features;

/** How alike one attribute of two records is by its first comparison: a line of an explanation. */
public record AttributeSimilarity(String attribute, String first, String second, String comparison,
                                  double similarity) {
}
