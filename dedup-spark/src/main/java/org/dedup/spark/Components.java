package org.dedup.spark;

import java.util.List;

/**
 * The connected parts of the links between records, by record number, found on the driver: 4 bytes a record and
 * 8 a link, never the records themselves. Each part is then clustered on an executor by the domain's clustering.
 */
final class Components {
    private static final int ALONE = -1;

    private Components() {
    }

    /**
     * For each of {@code records} record numbers, the number of its part (the part's smallest record number), or
     * -1 when no link touches it. {@code links} come in chunks, each link a long of its two record numbers.
     */
    static int[] of(int records, List<long[]> links) {
        int[] parent = new int[records];
        for (int i = 0; i < records; i++) {
            parent[i] = i;
        }
        boolean[] linked = new boolean[records];
        for (long[] chunk : links) {
            for (long link : chunk) {
                int a = (int) (link >>> 32);
                int b = (int) link;
                linked[a] = true;
                linked[b] = true;
                int ra = root(parent, a);
                int rb = root(parent, b);
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
        int[] part = new int[records];
        for (int i = 0; i < records; i++) {
            part[i] = linked[i] ? root(parent, i) : ALONE;
        }
        return part;
    }

    static boolean alone(int part) {
        return part == ALONE;
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
