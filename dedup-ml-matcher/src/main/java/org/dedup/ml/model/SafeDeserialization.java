package org.dedup.ml.model;

import java.io.ObjectInputFilter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The allow-list of classes a model file may contain: Smile's model classes, the JDK value types they are made of
 * and ours. Anything else (a gadget class of some library on the class path) is refused before it is created, so
 * a crafted model file cannot run code; graph depth, references and array sizes are bounded too.
 */
final class SafeDeserialization {
    private static final ObjectInputFilter ALLOW_LIST = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=200", "maxrefs=5000000", "maxarray=50000000", "maxbytes=500000000",
            "org.dedup.ml.model.CalibratedClassifier", "org.dedup.ml.model.PairClassifier$*", "org.dedup.ml.model.Algorithm",
            "smile.classification.*", "smile.regression.*", "smile.base.cart.*", "smile.data.formula.*",
            "smile.data.type.*", "smile.data.measure.*", "smile.util.*", "smile.math.*", "smile.validation.ClassificationMetrics",
            "java.lang.Enum", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Boolean", "java.lang.String", "java.lang.Record",
            "java.util.ArrayList", "java.util.Arrays$ArrayList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.ImmutableCollections$*", "java.util.Collections$*", "java.util.BitSet",
            "java.util.TreeMap", "java.util.HashSet", "java.lang.Object", "java.util.Map$Entry",
            "!*"));

    private final AtomicReference<Class<?>> rejected = new AtomicReference<>();

    /** The allow-list as a filter for one stream, remembering the first class it refused. */
    ObjectInputFilter filter() {
        return info -> {
            ObjectInputFilter.Status status = ALLOW_LIST.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED && info.serialClass() != null) {
                rejected.compareAndSet(null, info.serialClass());
            }
            return status;
        };
    }

    /** The class the filter refused, for the error message. */
    String rejectedClass() {
        Class<?> type = rejected.get();
        return type == null ? "a limit (depth, references, array size or bytes) was exceeded" : type.getName();
    }
}
