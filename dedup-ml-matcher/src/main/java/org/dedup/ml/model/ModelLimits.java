package org.dedup.ml.model;

import java.time.Duration;

/**
 * What loading a model file may cost: the archive read before and while it is unzipped, the object graph of the
 * classifier as it is deserialized, and the time it all takes. A file over any limit is refused, naming the limit,
 * so a crafted file can neither exhaust memory nor keep a processor busy. The defaults leave a wide margin over the
 * models {@code dedup train} makes (README, "The model file").
 */
public record ModelLimits(Archive archive, Graph graph, Duration timeBudget) {
    private static final int MIB = 1024 * 1024;
    public static final ModelLimits DEFAULT = new ModelLimits(
            new Archive(64L * MIB, 16, 64 * MIB, 128L * MIB, 100),
            new Graph(64, 2_000_000, 1_000_000, 64L * MIB, 100_000),
            Duration.ofSeconds(30));

    public ModelLimits {
        if (archive == null || graph == null || timeBudget == null || !timeBudget.isPositive()) {
            throw new IllegalArgumentException("model limits need archive and graph limits and a positive time budget");
        }
    }

    public ModelLimits withArchive(Archive newArchive) {
        return new ModelLimits(newArchive, graph, timeBudget);
    }

    public ModelLimits withGraph(Graph newGraph) {
        return new ModelLimits(archive, newGraph, timeBudget);
    }

    public ModelLimits withTimeBudget(Duration newBudget) {
        return new ModelLimits(archive, graph, newBudget);
    }

    /**
     * The ZIP archive: its size on disk, how many entries it has, how large each entry and all of them grow when
     * unzipped, and how many times its compressed size an entry may grow (counted once it passes one MiB, since
     * small entries of JSON legitimately compress well).
     */
    public record Archive(long maxFileBytes, int maxEntries, int maxEntryBytes, long maxTotalBytes,
                          int maxCompressionRatio) {
        public Archive {
            positive(maxFileBytes, "maxFileBytes");
            positive(maxEntries, "maxEntries");
            positive(maxEntryBytes, "maxEntryBytes");
            positive(maxTotalBytes, "maxTotalBytes");
            positive(maxCompressionRatio, "maxCompressionRatio");
        }
    }

    /**
     * The classifier's serialized object graph: how deep objects nest, how many objects and references it holds,
     * how long an array it may claim, how many bytes its stream has, and how many objects the hash code of one
     * collection or record read from it may visit (what a hash-based collection computes for each element it is
     * given while it is deserialized).
     */
    public record Graph(int maxDepth, long maxReferences, int maxArrayLength, long maxStreamBytes,
                        long maxHashedObjects) {
        public Graph {
            positive(maxDepth, "maxDepth");
            positive(maxReferences, "maxReferences");
            positive(maxArrayLength, "maxArrayLength");
            positive(maxStreamBytes, "maxStreamBytes");
            positive(maxHashedObjects, "maxHashedObjects");
        }
    }

    private static void positive(long value, String limit) {
        if (value <= 0) {
            throw new IllegalArgumentException(limit + " must be positive, was " + value);
        }
    }
}
