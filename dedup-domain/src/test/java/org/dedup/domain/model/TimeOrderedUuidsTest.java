package org.dedup.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class TimeOrderedUuidsTest {

    @Test
    void anIdIsAVersion7UuidOfTheRfcVariantCarryingItsTimeInMilliseconds() {
        long millis = 1_764_720_000_123L;
        UUID id = TimeOrderedUuids.at(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesInTheStoresOrder() {
        List<LeadId> created = LongStream.range(0, 2_000).map(i -> 1_764_720_000_000L + i * 7)
                .mapToObj(millis -> new LeadId(TimeOrderedUuids.at(millis))).toList();
        assertEquals(created, created.stream().sorted(LeadId.STORE_ORDER).toList());
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedUuids.at(1_764_720_000_000L));
        }
        assertEquals(100_000, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.version() == 7 && id.variant() == 2));
    }
}
