package org.dedup.domain.search;

import org.dedup.domain.model.DedupException;

/** A search that spills to disk could not write or read its files (the disk full, the directory gone). */
public final class SpillFailedException extends DedupException {
    public SpillFailedException(String what, Throwable cause) {
        super("bulk search could not " + what + " its spill files: " + cause.getMessage(), cause);
    }
}
