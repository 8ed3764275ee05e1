package org.dedup.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import scala.Tuple2;

class SortedBlocksTest {
    private static Tuple2<BlockKey, Tuple2<Long, String>> entry(int rule, String key, long number) {
        return new Tuple2<>(new BlockKey(rule, key), new Tuple2<>(number, "record " + number));
    }

    @Test
    void givesEachBlocksRecordsTogetherOneBlockAtATime() {
        SortedBlocks<String> blocks = new SortedBlocks<>(List.of(entry(0, "a", 1), entry(0, "a", 2),
                entry(0, "b", 3), entry(1, "a", 4)).iterator(), 10);

        SortedBlocks.Block<String> first = blocks.next();
        SortedBlocks.Block<String> second = blocks.next();
        SortedBlocks.Block<String> third = blocks.next();

        assertEquals(new BlockKey(0, "a"), first.key());
        assertEquals(List.of(1L, 2L), first.members().stream().map(Tuple2::_1).toList());
        assertEquals(List.of(3L), second.members().stream().map(Tuple2::_1).toList());
        assertEquals(new BlockKey(1, "a"), third.key());
        assertFalse(blocks.hasNext());
    }

    @Test
    void holdsNoMoreThanTheLimitOfALargerBlockButCountsAllItsRecords() {
        SortedBlocks<String> blocks = new SortedBlocks<>(List.of(entry(0, "a", 1), entry(0, "a", 2),
                entry(0, "a", 3), entry(0, "b", 4)).iterator(), 2);

        SortedBlocks.Block<String> large = blocks.next();

        assertEquals(2, large.members().size());
        assertEquals(3, large.size());
        assertEquals(new BlockKey(0, "b"), blocks.next().key());
    }

    @Test
    void ordersBlocksByRuleThenKey() {
        assertEquals(List.of(new BlockKey(0, "b"), new BlockKey(1, "a"), new BlockKey(1, "b")),
                Stream.of(new BlockKey(1, "b"), new BlockKey(0, "b"), new BlockKey(1, "a"))
                        .sorted().toList());
    }
}
