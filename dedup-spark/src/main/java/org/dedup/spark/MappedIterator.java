package org.dedup.spark;

import java.util.Iterator;
import java.util.function.Function;

/** A partition's rows mapped one by one as Spark pulls them, so a partition is never held whole. */
final class MappedIterator<T, R> implements Iterator<R> {
    private final Iterator<T> source;
    private final Function<T, R> mapping;

    MappedIterator(Iterator<T> source, Function<T, R> mapping) {
        this.source = source;
        this.mapping = mapping;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public R next() {
        return mapping.apply(source.next());
    }
}
