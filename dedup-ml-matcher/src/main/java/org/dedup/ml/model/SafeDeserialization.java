package org.dedup.ml.model;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Optional;

import org.dedup.domain.model.Require;

/**
 * Reads a model's serialized classifier through an allow-list of classes (Smile's model classes, the JDK value types
 * they are made of and ours) within the limits of {@link ModelLimits.Graph}. Of the JDK's collections the list holds
 * only those the three algorithms' classifiers are made of (measured on the shipped models and on one trained with
 * each algorithm: {@code ArrayList}, and one {@code HashMap}, inside Smile's {@code IntSet} of class labels): no set, no sorted
 * map and no other hash map, whose reading would hash or compare what the file chose, and the one {@code HashMap}
 * stays under the hashed-objects limit. A class off the list (a gadget of some
 * library on the class path) is refused before it is created, so a crafted file cannot run code; a graph nested too
 * deep, too many objects, an array claiming too many elements, too long a stream or a collection whose hash code
 * would visit too many objects is refused as soon as it shows, so a crafted file cannot exhaust memory or spin.
 * Reading stops too when its thread is interrupted (the load's time budget ran out).
 */
final class SafeDeserialization {
    private static final ObjectInputFilter ALLOW_LIST = ObjectInputFilter.Config.createFilter(String.join(";",
            "org.dedup.ml.model.CalibratedClassifier", "org.dedup.ml.model.PairClassifier$*", "org.dedup.ml.model.Algorithm",
            "smile.classification.*", "smile.regression.*", "smile.base.cart.*", "smile.data.formula.*",
            "smile.data.type.*", "smile.data.measure.*", "smile.util.*", "smile.math.*", "smile.validation.ClassificationMetrics",
            "java.lang.Enum", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Boolean", "java.lang.String", "java.lang.Record",
            "java.util.ArrayList", "java.util.Arrays$ArrayList", "java.util.HashMap", "java.lang.Object",
            "java.util.Map$Entry", "!*"));

    private final ModelLimits.Graph limits;
    private final HashedSizes hashed = new HashedSizes();
    /** The first refusal; once one is made, everything after it is refused too. */
    private String refusal;

    private SafeDeserialization(ModelLimits.Graph limits) {
        this.limits = limits;
    }

    /**
     * The object serialized in {@code bytes}, the entry {@code entry} of {@code source}.
     *
     * @throws ModelFileException naming the class or the limit it was refused for, or why it cannot be read
     */
    static Object read(byte[] bytes, String source, String entry, ModelLimits.Graph limits) {
        SafeDeserialization reading = new SafeDeserialization(limits);
        Object object;
        try (ObjectInputStream objects = reading.new GuardedStream(bytes)) {
            object = objects.readObject();
        } catch (EOFException e) {
            throw new ModelFileException(source, entry + " ends before its classifier does (truncated)", e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new ModelFileException(source, entry + " " + (reading.refusal != null ? reading.refusal
                    : "is not a readable classifier (" + Require.abbreviate(String.valueOf(e.getMessage())) + ")"),
                    e);
        }
        if (reading.refusal != null) {
            throw new ModelFileException(source, entry + " " + reading.refusal);
        }
        return object;
    }

    private ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
        Optional<String> limit = brokenLimit(info);
        if (limit.isPresent()) {
            return refuse(limit.get());
        }
        ObjectInputFilter.Status status = ALLOW_LIST.checkInput(info);
        if (status == ObjectInputFilter.Status.REJECTED) {
            return refuse("holds a class that is not allowed in a model: "
                    + Require.abbreviate(info.serialClass().getName()));
        }
        return status;
    }

    private Optional<String> brokenLimit(ObjectInputFilter.FilterInfo info) {
        if (refusal != null) {
            return Optional.of(refusal);
        }
        if (Thread.currentThread().isInterrupted()) {
            return Optional.of("was not read: loading was stopped");
        }
        if (info.depth() > limits.maxDepth()) {
            return Optional.of("nests objects more than " + limits.maxDepth() + " deep (the depth limit)");
        }
        if (info.references() > limits.maxReferences()) {
            return Optional.of("holds more than " + limits.maxReferences()
                    + " objects and references (the reference limit)");
        }
        if (info.arrayLength() > limits.maxArrayLength()) {
            return Optional.of("claims an array of " + info.arrayLength() + " elements, more than "
                    + limits.maxArrayLength() + " (the array-length limit)");
        }
        if (info.streamBytes() > limits.maxStreamBytes()) {
            return Optional.of("is more than " + limits.maxStreamBytes() + " bytes long (the stream-size limit)");
        }
        return Optional.empty();
    }

    private ObjectInputFilter.Status refuse(String problem) {
        if (refusal == null) {
            refusal = problem;
        }
        return ObjectInputFilter.Status.REJECTED;
    }

    /** An object stream with this reading's filter, counting each completed object's hash size. */
    private final class GuardedStream extends ObjectInputStream {
        GuardedStream(byte[] bytes) throws IOException {
            super(new ByteArrayInputStream(bytes));
            setObjectInputFilter(SafeDeserialization.this::check);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            if (hashed.add(object) > limits.maxHashedObjects()) {
                refuse("holds a collection or record whose hash code visits more than " + limits.maxHashedObjects()
                        + " objects (the hashed-objects limit)");
                throw new InvalidObjectException(refusal);
            }
            return object;
        }
    }
}
