package org.dedup.ml.model;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many objects the hash code of each object read from a classifier stream visits: one for most objects, and for
 * a collection, a map or a record one more than its elements, keys and values, or components. A hash-based
 * collection computes that hash code for each element it is given while it is deserialized, and shared parts make
 * the count grow exponentially with nesting (the HashSet deserialization bomb). So each object's count is taken when
 * the object is complete, from the counts of its parts, before any collection can hash it.
 */
final class HashedSizes {
    private final Map<Object, Long> sizes = new IdentityHashMap<>();

    /** The count of {@code object}, whose parts were all read, and counted, before it. */
    long add(Object object) {
        long size = 1 + switch (object) {
            case Collection<?> elements -> sum(elements);
            case Map<?, ?> map -> sum(map.keySet()) + sum(map.values());
            case Record record -> sum(components(record));
            case null, default -> 0;
        };
        if (size > 1) {
            sizes.put(object, size);
        }
        return size;
    }

    private long sum(Collection<?> parts) {
        long sum = 0;
        for (Object part : parts) {
            sum += sizes.getOrDefault(part, 1L);
        }
        return sum;
    }

    private static List<Object> components(Record record) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            try {
                accessor.setAccessible(true);
                values.add(accessor.invoke(record));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot read the component " + component.getName() + " of a record",
                        e);
            }
        }
        return values;
    }
}
