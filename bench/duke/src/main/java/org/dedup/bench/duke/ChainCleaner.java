package org.dedup.bench.duke;

import java.util.Arrays;

import no.priv.garshol.duke.Cleaner;
import no.priv.garshol.duke.DukeConfigException;

/**
 * Duke cleaners applied one after the other, configurable from Duke's XML as an {@code <object>} with a
 * {@code cleaners} parameter listing class names (Duke's own {@code ChainedCleaner} takes its cleaners in its
 * constructor, which the XML cannot call).
 */
public final class ChainCleaner implements Cleaner {
    private Cleaner[] cleaners = new Cleaner[0];

    /** Space-separated class names of cleaners with a public no-argument constructor. */
    public void setCleaners(String classNames) {
        cleaners = Arrays.stream(classNames.trim().split("\\s+")).map(ChainCleaner::instantiate)
                .toArray(Cleaner[]::new);
    }

    @Override
    public String clean(String value) {
        String cleaned = value;
        for (Cleaner cleaner : cleaners) {
            if (cleaned == null) {
                return null;
            }
            cleaned = cleaner.clean(cleaned);
        }
        return cleaned;
    }

    private static Cleaner instantiate(String className) {
        try {
            return (Cleaner) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new DukeConfigException("cleaner " + className + " cannot be created: " + e);
        }
    }
}
